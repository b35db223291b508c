try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddVendorPortal();

    var app = builder.Build();
    app.UseVendorPortal();
    // The database is prepared in the background (DatabaseStartup): the app listens at once and answers 503 until it is ready.
    await app.RunAsync();
    return Environment.ExitCode;
}
catch (StartupError e)
{
    // A setting that can never work: one line that says which, rather than a stack trace.
    await Console.Error.WriteLineAsync($"VendorPortal cannot start: {e.Message}");
    return 1;
}

public partial class Program;
