/** The PostgreSQL schema pg-boss keeps its tables in (shared by the runtime and by code that enqueues in a transaction). */
export const JOBS_SCHEMA = 'pgboss'
