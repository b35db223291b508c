using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace VendorPortal.Tests.Infrastructure;

/// <summary>
/// A separate host whose TimeProvider is a fake clock the test moves, for token and invitation lifetimes.
/// Only tests that move time use it: the shared host keeps the real clock.
/// </summary>
public sealed class ClockedApp : IAsyncLifetime
{
    public ClockedApp() =>
        App = AppFactory.WithServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));

    public AppFactory App { get; }

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
