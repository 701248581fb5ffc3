using System.CommandLine;
using Dala.Web;
using Dala.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dala.Cli.Commands;

/// <summary>
/// dala worker — runs background jobs (plans) from the store's queue, one at a time, until stopped: more of them, on
/// other machines against the same PostgreSQL, share the work of the web instances (each job runs once; a worker that
/// dies loses its job to another).
/// </summary>
public static class WorkerCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var targets = TargetsOption.Create();
        var cmd = new Command("worker", "Run background jobs (rollout plans) from the store's job queue, one at a time, until stopped; " +
                                        "run several, on several machines against one PostgreSQL, beside the web instances")
            { targets };
        cmd.SetAction(async (r, cancel) =>
        {
            var targetList = TargetsOption.Read(r, targets, ctx);
            var s = store.Open(r, ctx);
            var settings = new DalaWebSettings(s, ctx.Clock, targetList) { Plans = StoreOption.Plans(s), JobStore = StoreOption.Jobs(s), Permits = StoreOption.Permits(s) };
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton(settings);
            builder.Services.AddSingleton<RegistryViews>();
            DalaWeb.AddJobs(builder.Services, settings);
            using var host = builder.Build();
            ctx.Out.WriteLine($"Dala worker {host.Services.GetRequiredService<JobRunner>().Worker}: running jobs from {s.Describe()} (Ctrl+C stops)");
            await host.StartAsync(cancel);
            await host.WaitForShutdownAsync(cancel);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
