using System.Diagnostics;
using System.Linq.Expressions;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace VendorPortal.Tests.Infrastructure;

public static class BackgroundJobs
{
    public static async Task RunJobAsync<T>(this AppFactory app, Expression<Func<T, Task>> job, TimeSpan? timeout = null)
    {
        var id = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(job);
        var monitor = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var latest = monitor.JobDetails(id)?.History.FirstOrDefault();
            var state = latest?.StateName;
            if (state == SucceededState.StateName) return;
            if (state == FailedState.StateName || state == DeletedState.StateName)
                Assert.Fail($"Job {id} ended {state}: {(latest!.Data.TryGetValue("ExceptionMessage", out var message) ? message : "")}");
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(20)))
                Assert.Fail($"Job {id} did not finish within {clock.Elapsed.TotalSeconds:0} s (state {state}).");
            await Task.Delay(50);
        }
    }
}
