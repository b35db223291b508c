
var builder = WebApplication.CreateBuilder(args);
builder.AddVendorPortal();

var app = builder.Build();
app.UseVendorPortal();
await app.PrepareDatabaseAsync();
// After the migrations: with SQL Server, Hangfire's storage lives in the database they create.
app.ScheduleRecurringJobs();
await app.RunAsync();

public partial class Program;
