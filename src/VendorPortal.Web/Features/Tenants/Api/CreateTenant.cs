using System.Security.Claims;

namespace VendorPortal.Web.Features.Tenants.Api;

public sealed class CreateTenant(TenantOperations tenants) : Endpoint<NewTenantInput, NewTenantResponse>
{
    public override void Configure()
    {
        Post("platform/tenants");
        Policies(Hosting.Authentication.PlatformOperatorPolicy);
        Description(b => b.ClearDefaultProduces(200).Produces<NewTenantResponse>(201));
        Summary(s => s.Summary = "Platform operators only: creates a tenant and invites its first TenantAdmin.");
    }

    public override async Task HandleAsync(NewTenantInput req, CancellationToken ct) =>
        await Send.ResponseAsync(await tenants.CreateAsync(req, User.FindFirstValue(ClaimTypes.Email) ?? "operator", ct), StatusCodes.Status201Created, ct);
}
