using Dala.Platform.Jobs;
using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>
/// The job queue in PostgreSQL, shared by every web instance and `dala worker` on the database: a claim takes the
/// oldest claimable row with FOR UPDATE SKIP LOCKED, so two workers never take the same job and neither waits for
/// the other; the other changes are single conditional UPDATEs (only the worker holding a job changes it).
/// </summary>
public sealed class PostgresJobStore(PostgresRegistryStore registry) : IJobStore
{
    private const string Columns = JobRows.Columns;

    public EnqueueOutcome Enqueue(JobRecord job, int maxQueued, int maxActiveOfRole, IReadOnlyList<JobOutput>? files = null)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction();
        // One enqueuer at a time, so that the cap holds across instances (the lock ends with the transaction).
        Exec(c, "SELECT pg_advisory_xact_lock(7201)");
        if ((long)Scalar(c, "SELECT COUNT(*) FROM jobs WHERE status = 'queued'")! >= maxQueued) return EnqueueOutcome.QueueFull;
        if (job.Role is { } role && (long)Scalar(c, "SELECT COUNT(*) FROM jobs WHERE role = $1 AND status IN ('queued', 'running')", role)! >= maxActiveOfRole)
            return EnqueueOutcome.RoleBusy;
        Exec(c, $"INSERT INTO jobs ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, " +
                "$10::timestamptz, $11, $12, $13::bigint, $14, $15, $16::timestamptz, $17, $18, $19)",
            job.Id, job.Kind, job.Input, job.InputKey, job.Status.WireName(), job.Phase, job.Progress, job.CreatedAt, job.StartedAt, job.FinishedAt,
            job.Error, job.Result?.Href, job.Result?.PlanId, job.Attempts, job.Worker, job.HeartbeatAt, job.CancelRequested, job.SubmittedBy, job.Role);
        foreach (var f in files ?? []) AddFile(c, job.Id, f);
        tx.Commit();
        return EnqueueOutcome.Queued;
    }

    public int Count(JobStatus status)
    {
        using var c = registry.Open();
        return (int)(long)Scalar(c, "SELECT COUNT(*) FROM jobs WHERE status = $1", status.WireName())!;
    }

    public JobRecord? Claim(string worker, IReadOnlyCollection<string> kinds, DateTimeOffset now, DateTimeOffset staleBefore, int maxAttempts)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction();
        using (var lost = PgCommand.Create(c, "SELECT id, attempts FROM jobs WHERE status = 'running' AND heartbeat_at < $1 AND attempts >= $2 FOR UPDATE SKIP LOCKED",
                   [staleBefore, maxAttempts]))
        {
            var failed = new List<(string, int)>();
            using (var r = lost.ExecuteReader())
            {
                while (r.Read()) failed.Add((r.GetString(0), r.GetInt32(1)));
            }
            foreach (var (id, attempts) in failed)
                Exec(c, "UPDATE jobs SET status = 'failed', phase = 'failed', finished_at = $2, error = $3 WHERE id = $1", id, now, JobRules.LostError(attempts));
        }
        var claimed = Read(c,
            "WHERE id = (SELECT id FROM jobs WHERE kind = ANY($1) AND (status = 'queued' OR (status = 'running' AND heartbeat_at < $2)) " +
            "ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)", kinds.ToArray(), staleBefore).SingleOrDefault();
        if (claimed is null)
        {
            tx.Commit();
            return null;
        }
        Exec(c, "UPDATE jobs SET status = 'running', phase = 'starting', worker = $2, started_at = COALESCE(started_at, $3), heartbeat_at = $3, " +
                "attempts = attempts + 1 WHERE id = $1", claimed.Id, worker, now);
        var result = Read(c, "WHERE id = $1", claimed.Id).Single();
        tx.Commit();
        return result;
    }

    public HeartbeatAnswer Heartbeat(string id, string worker, string phase, double progress, DateTimeOffset now)
    {
        using var c = registry.Open();
        using var cmd = PgCommand.Create(c,
            "UPDATE jobs SET phase = $3, progress = CASE WHEN $4::double precision = 'NaN' THEN progress ELSE $4 END, heartbeat_at = $5 " +
            "WHERE id = $1 AND worker = $2 AND status = 'running' RETURNING cancel_requested",
            [id, worker, phase, double.IsFinite(progress) ? Math.Clamp(progress, 0, 1) : double.NaN, now]);
        return cmd.ExecuteScalar() switch
        {
            true => HeartbeatAnswer.Cancel,
            false => HeartbeatAnswer.Continue,
            _ => HeartbeatAnswer.Lost,
        };
    }

    public bool Finish(string id, string worker, JobStatus status, JobResult? result, string? error, DateTimeOffset now)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction();
        if (Exec(c, "UPDATE jobs SET status = $3, phase = $3, finished_at = $4, heartbeat_at = $4, result_href = $5, result_plan_id = $6::bigint, error = $7, " +
                    "progress = CASE WHEN $3 = 'succeeded' THEN 1 ELSE progress END WHERE id = $1 AND worker = $2 AND status = 'running'",
                id, worker, status.WireName(), now, result?.Href, result?.PlanId, error) != 1) return false;
        foreach (var o in result?.Outputs ?? []) AddFile(c, id, o);
        tx.Commit();
        return true;
    }

    public CancelOutcome RequestCancel(string id, DateTimeOffset now)
    {
        using var c = registry.Open();
        if (Exec(c, "UPDATE jobs SET status = 'cancelled', phase = 'cancelled', finished_at = $2 WHERE id = $1 AND status = 'queued'", id, now) == 1)
            return CancelOutcome.Cancelled;
        return Exec(c, "UPDATE jobs SET cancel_requested = true WHERE id = $1 AND status = 'running'", id) == 1
            ? CancelOutcome.Stopping
            : CancelOutcome.AlreadyFinished;
    }

    public JobRecord? Find(string id)
    {
        using var c = registry.Open();
        return Read(c, "WHERE id = $1", id).SingleOrDefault();
    }

    public IReadOnlyList<JobRecord> List(int limit)
    {
        using var c = registry.Open();
        return Read(c, "ORDER BY seq DESC LIMIT $1", limit);
    }

    public JobRecord? Succeeded(string kind, string inputKey)
    {
        using var c = registry.Open();
        return Read(c, "WHERE kind = $1 AND input_key = $2 AND status = 'succeeded' ORDER BY seq DESC LIMIT 1", kind, inputKey).SingleOrDefault();
    }

    public JobRecord? Latest(string kind, string inputKey)
    {
        using var c = registry.Open();
        return Read(c, "WHERE kind = $1 AND input_key = $2 ORDER BY seq DESC LIMIT 1", kind, inputKey).SingleOrDefault();
    }

    public JobOutput? Output(string jobId, string name)
    {
        using var c = registry.Open();
        using var cmd = PgCommand.Create(c, "SELECT media_type, body FROM job_outputs WHERE job_id = $1 AND name = $2", [jobId, name]);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new JobOutput(name, r.GetString(0), r.GetFieldValue<byte[]>(1)) : null;
    }

    public int Prune(DateTimeOffset finishedBefore, int keepFinished)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction();
        var gone = Exec(c, "DELETE FROM jobs WHERE finished_at IS NOT NULL AND (finished_at < $1 OR seq NOT IN " +
                           "(SELECT seq FROM jobs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC, seq DESC LIMIT $2))", finishedBefore, keepFinished);
        if (gone > 0) Exec(c, "DELETE FROM job_outputs o WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = o.job_id)");
        tx.Commit();
        return gone;
    }

    private static void AddFile(NpgsqlConnection c, string jobId, JobOutput f) =>
        Exec(c, "INSERT INTO job_outputs (job_id, name, media_type, body) VALUES ($1, $2, $3, $4) " +
                "ON CONFLICT (job_id, name) DO UPDATE SET media_type = EXCLUDED.media_type, body = EXCLUDED.body", jobId, f.Name, f.MediaType, f.Body);

    private static int Exec(NpgsqlConnection c, string sql, params object?[] args)
    {
        using var cmd = PgCommand.Create(c, sql, args);
        return cmd.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection c, string sql, params object?[] args)
    {
        using var cmd = PgCommand.Create(c, sql, args);
        return cmd.ExecuteScalar();
    }

    private static List<JobRecord> Read(NpgsqlConnection c, string where, params object?[] args)
    {
        using var cmd = PgCommand.Create(c, $"SELECT {Columns} FROM jobs {where}", args);
        using var r = cmd.ExecuteReader();
        var list = new List<JobRecord>();
        while (r.Read()) list.Add(JobRows.Read(r, (x, i) => x.GetFieldValue<DateTimeOffset>(i)));
        return list;
    }
}
