namespace VendorPortal.Tests.Infrastructure;

/// <summary>Every test class that talks to the app joins this collection and so shares one host.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFactory>
{
    public const string Name = "app";
}
