using VendorPortal.Web.Hosting;

namespace VendorPortal.Tests.Infrastructure;

/// <summary>A test that needs a PostgreSQL server: skipped, with the reason shown, when the suite runs without one.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestDatabase.SuiteProvider != DatabaseProvider.PostgreSql)
            Skip = $"Needs a PostgreSQL server: set {TestDatabase.PostgreSqlVariable} (scripts/test.sh does).";
    }
}

/// <summary>
/// A test of something the database cannot change (the API document, a client generated from it): it runs in the SQLite
/// run only, so the PostgreSQL run spends its time on what does depend on the database.
/// </summary>
public sealed class AnyDatabaseFactAttribute : FactAttribute
{
    public AnyDatabaseFactAttribute()
    {
        if (TestDatabase.SuiteProvider == DatabaseProvider.PostgreSql)
            Skip = "Does not depend on the database: it runs in the SQLite run.";
    }
}
