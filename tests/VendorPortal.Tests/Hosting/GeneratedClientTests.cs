using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace VendorPortal.Tests.Hosting;

/// <summary>
/// Generates a C# client from /openapi/v1.json with NSwag, compiles it with Roslyn in memory and calls three endpoints
/// through it against the test server: the document is good enough for a client a customer would generate.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class GeneratedClientTests(AppFactory app)
{
    [AnyDatabaseFact]
    public async Task A_client_generated_from_the_document_calls_me_vendors_and_erlang_c()
    {
        using var http = await app.ClientFor(DemoData.Planner);
        var type = await GenerateClientTypeAsync(http);
        // The document's server is relative ("/"), so the client takes the HttpClient and its base address.
        var client = Activator.CreateInstance(type, http)!;
        type.GetProperty("BaseUrl")?.SetValue(client, http.BaseAddress!.ToString());

        var me = await CallAsync(client, "MeAsync", new());
        Assert.Equal(DemoData.Planner, Read(me, "Email"));
        var membership = Assert.Single(((System.Collections.IEnumerable)Read(me, "Memberships")!).Cast<object>(), m => (string?)Read(m, "Tenant") == "demo");
        Assert.Equal("Planner", Read(membership, "Role"));

        var vendors = await CallAsync(client, "ListVendorsAsync", new() { ["tenant"] = "demo", ["page"] = 1, ["pageSize"] = 50 });
        var names = ((System.Collections.IEnumerable)Read(vendors, "Items")!).Cast<object>().Select(v => (string?)Read(v, "Name")).ToList();
        Assert.Contains("Apex BPO", names);
        Assert.Contains("Harbor Contact", names);

        var staffing = await CallAsync(client, "CalculateErlangCAsync", new()
        {
            ["tenant"] = "demo", ["contacts"] = 100, ["intervalMinutes"] = 30, ["ahtSeconds"] = 180, ["serviceLevel"] = 0.8,
            ["targetSeconds"] = 20, ["shrinkage"] = 0.3,
        });
        Assert.Equal(14, Convert.ToInt32(Read(staffing, "Agents")));
        Assert.Equal(20, Convert.ToInt32(Read(staffing, "ScheduledAgents")));
    }

    private static object? Read(object? instance, string property) =>
        instance!.GetType().GetProperty(property)?.GetValue(instance) ?? throw new Xunit.Sdk.XunitException($"No {property} on {instance.GetType().Name}");

    /// <summary>Calls the generated method (the overload without a CancellationToken), naming its arguments.</summary>
    private static async Task<object?> CallAsync(object client, string method, Dictionary<string, object?> arguments)
    {
        var info = client.GetType().GetMethods().Single(m => m.Name == method && m.GetParameters().All(p => p.ParameterType != typeof(CancellationToken)));
        var values = info.GetParameters().Select(p =>
        {
            if (!arguments.TryGetValue(p.Name!, out var value) || value is null) return p.HasDefaultValue ? p.DefaultValue : null;
            var target = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            return Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }).ToArray();
        var unknown = arguments.Keys.Except(info.GetParameters().Select(p => p.Name!)).ToList();
        Assert.True(unknown.Count == 0, $"{method} has no parameters {string.Join(", ", unknown)}: {string.Join(", ", info.GetParameters().Select(p => p.Name))}");
        var task = (Task)info.Invoke(client, values)!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static async Task<Type> GenerateClientTypeAsync(HttpClient http)
    {
        var json = await http.GetStringAsync("/openapi/v1.json");
        var document = await NSwag.OpenApiDocument.FromJsonAsync(json);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "VendorPortalClient",
            GenerateClientInterfaces = false,
            UseBaseUrl = true,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "VendorPortal.Generated";
        settings.CSharpGeneratorSettings.JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson;
        var code = new CSharpClientGenerator(document, settings).GenerateFile();

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("VendorPortal.Generated",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).ToList();
        Assert.True(result.Success, "The generated client does not compile:\n" + string.Join("\n", errors));
        image.Position = 0;
        var assembly = new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(image);
        return assembly.GetType("VendorPortal.Generated.VendorPortalClient")!;
    }
}
