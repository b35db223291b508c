namespace VendorPortal.Tests.Infrastructure;

/// <summary>The tests that count rows share one <see cref="QuietApp"/> host, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class QuietCollection : ICollectionFixture<QuietApp>
{
    public const string Name = "quiet";
}
