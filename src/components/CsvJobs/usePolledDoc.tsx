'use client'

import { useEffect, useState } from 'react'

/** The document as the API returns it, re-read every second while `isActive(doc)` holds (progress bars). */
export function usePolledDoc<T>(url: string | null, isActive: (doc: T) => boolean): [T | null, () => void] {
  const [doc, setDoc] = useState<T | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!url) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let isMounted = true
    const load = async () => {
      const response = await fetch(url, { credentials: 'include' })
      if (!isMounted || !response.ok) return
      const next = (await response.json()) as T
      setDoc(next)
      if (isActive(next)) timer = setTimeout(load, 1_000)
    }
    void load()
    return () => {
      isMounted = false
      if (timer) clearTimeout(timer)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, tick])
  return [doc, () => setTick((value) => value + 1)]
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div style={{ margin: '0.5rem 0 1rem' }}>
      <div style={{ fontSize: 13, marginBottom: 4 }}>{label}</div>
      <div style={{ height: 10, background: 'var(--theme-elevation-100)', borderRadius: 5, overflow: 'hidden' }}>
        <div style={{ width: `${Math.min(100, Math.max(0, percent))}%`, height: '100%', background: 'var(--theme-success-500)', transition: 'width .4s' }} />
      </div>
    </div>
  )
}
