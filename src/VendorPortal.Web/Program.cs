using VendorPortal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddVendorPortal();

var app = builder.Build();
app.UseVendorPortal();
await app.PrepareDatabaseAsync();
await app.RunAsync();

public partial class Program;
