using Dala.Platform.Jobs;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>
/// The job queue in the registry's SQLite file. Every change that depends on what is there (enqueue under the cap,
/// claim, heartbeat, finish, cancel) runs in one immediate transaction: SQLite's write lock makes it atomic across
/// processes on the same file.
/// </summary>
public sealed class SqliteJobStore(SqliteRegistryStore registry) : IJobStore
{
    private const string Columns = JobRows.Columns;

    public EnqueueOutcome Enqueue(JobRecord job, int maxQueued, int maxActiveOfRole, IReadOnlyList<JobOutput>? files = null) => Write(c =>
    {
        if (Scalar(c, "SELECT COUNT(*) FROM jobs WHERE status = 'queued'") >= maxQueued) return EnqueueOutcome.QueueFull;
        if (job.Role is { } role && Scalar(c, "SELECT COUNT(*) FROM jobs WHERE role = $1 AND status IN ('queued', 'running')", role) >= maxActiveOfRole)
            return EnqueueOutcome.RoleBusy;
        Exec(c, $"INSERT INTO jobs ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
            job.Id, job.Kind, job.Input, job.InputKey, job.Status.WireName(), job.Phase, job.Progress, SqliteTime.Write(job.CreatedAt),
            T(job.StartedAt), T(job.FinishedAt), job.Error, job.Result?.Href, job.Result?.PlanId, job.Attempts, job.Worker, T(job.HeartbeatAt),
            job.CancelRequested ? 1 : 0, job.SubmittedBy, job.Role);
        foreach (var f in files ?? []) AddFile(c, job.Id, f);
        return EnqueueOutcome.Queued;
    });

    public int Count(JobStatus status)
    {
        using var c = registry.Open();
        return (int)Scalar(c, "SELECT COUNT(*) FROM jobs WHERE status = $1", status.WireName());
    }

    public JobRecord? Claim(string worker, IReadOnlyCollection<string> kinds, DateTimeOffset now, DateTimeOffset staleBefore, int maxAttempts) => Write(c =>
    {
        var stale = SqliteTime.Write(staleBefore);
        using (var lost = SqliteTime.Command(c, "SELECT id, attempts FROM jobs WHERE status = 'running' AND heartbeat_at < $1 AND attempts >= $2", [stale, maxAttempts]))
        using (var r = lost.ExecuteReader())
        {
            var failed = new List<(string, int)>();
            while (r.Read()) failed.Add((r.GetString(0), r.GetInt32(1)));
            r.Close();
            foreach (var (id, attempts) in failed)
                Exec(c, "UPDATE jobs SET status = 'failed', phase = 'failed', finished_at = $2, error = $3 WHERE id = $1",
                    id, SqliteTime.Write(now), JobRules.LostError(attempts));
        }
        var names = kinds.ToArray();
        var inList = string.Join(", ", names.Select((_, i) => "$" + (i + 2)));
        using var next = SqliteTime.Command(c,
            $"SELECT id FROM jobs WHERE kind IN ({inList}) AND (status = 'queued' OR (status = 'running' AND heartbeat_at < $1)) ORDER BY seq LIMIT 1",
            [stale, .. names]);
        if (next.ExecuteScalar() is not string claimed) return null;
        var t = SqliteTime.Write(now);
        Exec(c, "UPDATE jobs SET status = 'running', phase = 'starting', worker = $2, started_at = COALESCE(started_at, $3), heartbeat_at = $3, " +
                "attempts = attempts + 1 WHERE id = $1", claimed, worker, t);
        return Read(c, "WHERE id = $1", claimed).Single();
    });

    public HeartbeatAnswer Heartbeat(string id, string worker, string phase, double progress, DateTimeOffset now) => Write(c =>
    {
        var job = Read(c, "WHERE id = $1", id).SingleOrDefault();
        if (job is null || job.Status != JobStatus.Running || job.Worker != worker) return HeartbeatAnswer.Lost;
        Exec(c, "UPDATE jobs SET phase = $2, progress = $3, heartbeat_at = $4 WHERE id = $1", id, phase, JobRules.Clamp(progress, job.Progress),
            SqliteTime.Write(now));
        return job.CancelRequested ? HeartbeatAnswer.Cancel : HeartbeatAnswer.Continue;
    });

    public bool Finish(string id, string worker, JobStatus status, JobResult? result, string? error, DateTimeOffset now) => Write(c =>
    {
        var t = SqliteTime.Write(now);
        if (Exec(c, "UPDATE jobs SET status = $3, phase = $3, finished_at = $4, heartbeat_at = $4, result_href = $5, result_plan_id = $6, error = $7, " +
                    "progress = CASE WHEN $3 = 'succeeded' THEN 1 ELSE progress END WHERE id = $1 AND worker = $2 AND status = 'running'",
                id, worker, status.WireName(), t, result?.Href, result?.PlanId, error) != 1) return false;
        foreach (var o in result?.Outputs ?? []) AddFile(c, id, o);
        return true;
    });

    public CancelOutcome RequestCancel(string id, DateTimeOffset now) => Write(c =>
    {
        if (Exec(c, "UPDATE jobs SET status = 'cancelled', phase = 'cancelled', finished_at = $2 WHERE id = $1 AND status = 'queued'",
                id, SqliteTime.Write(now)) == 1) return CancelOutcome.Cancelled;
        return Exec(c, "UPDATE jobs SET cancel_requested = 1 WHERE id = $1 AND status = 'running'", id) == 1
            ? CancelOutcome.Stopping
            : CancelOutcome.AlreadyFinished;
    });

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
        using var cmd = SqliteTime.Command(c, "SELECT media_type, body FROM job_outputs WHERE job_id = $1 AND name = $2", [jobId, name]);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new JobOutput(name, r.GetString(0), (byte[])r.GetValue(1)) : null;
    }

    public int Prune(DateTimeOffset finishedBefore, int keepFinished) => Write(c =>
    {
        var gone = Exec(c, "DELETE FROM jobs WHERE finished_at IS NOT NULL AND (finished_at < $1 OR seq NOT IN " +
                           "(SELECT seq FROM jobs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC, seq DESC LIMIT $2))",
            SqliteTime.Write(finishedBefore), keepFinished);
        if (gone > 0) Exec(c, "DELETE FROM job_outputs WHERE job_id NOT IN (SELECT id FROM jobs)");
        return gone;
    });

    private T Write<T>(Func<SqliteConnection, T> work)
    {
        // BEGIN IMMEDIATE as SQL: the commands then need no transaction object (SqliteTime.Command makes plain ones).
        using var c = registry.Open();
        Exec(c, "BEGIN IMMEDIATE");
        try
        {
            var result = work(c);
            Exec(c, "COMMIT");
            return result;
        }
        catch
        {
            Exec(c, "ROLLBACK");
            throw;
        }
    }

    private static void AddFile(SqliteConnection c, string jobId, JobOutput f) =>
        Exec(c, "INSERT OR REPLACE INTO job_outputs (job_id, name, media_type, body) VALUES ($1, $2, $3, $4)", jobId, f.Name, f.MediaType, f.Body);

    private static int Exec(SqliteConnection c, string sql, params object?[] args)
    {
        using var cmd = SqliteTime.Command(c, sql, args);
        return cmd.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection c, string sql, params object?[] args)
    {
        using var cmd = SqliteTime.Command(c, sql, args);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? T(DateTimeOffset? t) => t is { } v ? SqliteTime.Write(v) : null;

    private static List<JobRecord> Read(SqliteConnection c, string where, params object?[] args)
    {
        using var cmd = SqliteTime.Command(c, $"SELECT {Columns} FROM jobs {where}", args);
        using var r = cmd.ExecuteReader();
        var list = new List<JobRecord>();
        while (r.Read()) list.Add(JobRows.Read(r, (x, i) => SqliteTime.Read(x.GetString(i))));
        return list;
    }
}
