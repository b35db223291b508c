namespace VendorPortal.Tests.Infrastructure;

/// <summary>
/// A test that only means something on a PostgreSQL server (several nodes, a network between app and database):
/// without VENDORPORTAL_TEST_POSTGRES it is reported as skipped, with this reason, rather than passing silently.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestDatabase.SuiteProvider != Web.Hosting.DatabaseProvider.PostgreSql)
            Skip = $"Needs a PostgreSQL server: set {TestDatabase.PostgreSqlVariable} (scripts/test.sh does).";
    }
}
