using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace VendorPortal.Tests.Infrastructure;

/// <summary>
/// A separate host whose TimeProvider is a fake clock the test moves, for token and invitation lifetimes.
/// Only tests that move time use it: the other hosts run on a <see cref="PinnedClock"/>.
/// </summary>
public sealed class ClockedApp : IAsyncLifetime
{
    public ClockedApp() =>
        App = AppFactory.WithServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });

    public FakeTimeProvider Clock { get; } = new(PinnedClock.Start);

    public AppFactory App { get; }

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
