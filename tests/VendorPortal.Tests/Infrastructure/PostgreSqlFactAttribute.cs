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
