import Link from 'next/link'

/** The console's link to the reports page. */
export function ReportsNavLink() {
  return (
    <Link className="nav__link" href="/admin/reports" prefetch={false}>
      Reports
    </Link>
  )
}
