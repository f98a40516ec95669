/**
 * The PostgreSQL schema that holds the job queue's tables (pg-boss). One constant so the
 * migration step (owner connection) creates it and the least-privilege app role is granted on it.
 */
export const JOB_QUEUE_SCHEMA = "pgboss";
