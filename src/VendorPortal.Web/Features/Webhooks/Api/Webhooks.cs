namespace VendorPortal.Web.Features.Webhooks.Api;

public sealed class CreateWebhook(WebhookOperations webhooks) : Endpoint<WebhookInput, WebhookResponse>
{
    public override void Configure()
    {
        Post("webhooks");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageWebhooks));
        Description(b => b.ClearDefaultProduces(200).Produces<WebhookResponse>(201));
        Summary(s =>
        {
            s.Summary = "Adds a webhook endpoint; the answer carries its signing secret (whsec_...).";
            s.Description = "url must be https on port 80 or 443 (Webhooks:AllowedPorts) and resolve to public addresses only; a loopback, " +
                "private, link-local, unique-local, unspecified or cloud-metadata address is refused with 422 naming url. eventTypes empty " +
                "means all. A vendor manager's endpoint always carries their vendor and receives only that vendor's events; vendorId null " +
                "is the tenant's own endpoint, which receives every event of the tenant.\n\n" + WebhookEvents.Markdown();
            s.ExampleRequest = new WebhookInput
            {
                Url = "https://hooks.example.com/vendorportal", EventTypes = [WebhookEvents.AlertRaised, WebhookEvents.ShiftCancelled],
                Description = "Workforce tool",
            };
        });
    }

    public override async Task HandleAsync(WebhookInput req, CancellationToken ct) =>
        await Send.ResponseAsync(WebhookResponse.From(await webhooks.CreateAsync(req, ct)), StatusCodes.Status201Created, ct);
}

public sealed class ListWebhooksRequest : PageRequest;

public sealed class ListWebhooksValidator : PageRequestValidator<ListWebhooksRequest>;

public sealed class ListWebhooks(WebhookList webhooks) : Endpoint<ListWebhooksRequest, Paged<WebhookRow>>
{
    public override void Configure()
    {
        Get("webhooks");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageWebhooks));
        Summary(s => s.Summary = "Webhook endpoints, newest first: admins and planners see every endpoint of the tenant, a vendor manager their vendor's.");
    }

    public override async Task HandleAsync(ListWebhooksRequest req, CancellationToken ct) =>
        await Send.OkAsync(await webhooks.PageAsync(req, ct), ct);
}

public sealed class GetWebhook(WebhookOperations webhooks) : EndpointWithoutRequest<WebhookResponse>
{
    public override void Configure()
    {
        Get("webhooks/{id}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageWebhooks));
        Summary(s => s.Summary = "One webhook endpoint with its secret; another vendor's is not found (404).");
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(WebhookResponse.From(await webhooks.LoadAsync(Route<Guid>("id"), ct)), ct);
}

public sealed class UpdateWebhookRequest
{
    public Guid Id { get; set; }
    [FromBody] public WebhookInput Body { get; set; } = new();
}

public sealed class UpdateWebhookValidator : Validator<UpdateWebhookRequest>
{
    public UpdateWebhookValidator() => RuleFor(x => x.Body).NotNull().SetValidator(new WebhookInputValidator());
}

public sealed class UpdateWebhook(WebhookOperations webhooks) : Endpoint<UpdateWebhookRequest, WebhookResponse>
{
    public override void Configure()
    {
        Put("webhooks/{id}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageWebhooks));
        Summary(s =>
        {
            s.Summary = "Replaces an endpoint's url, event types, description and enabled flag; enabling clears why it was disabled.";
            s.ExampleRequest = new UpdateWebhookRequest { Body = new WebhookInput { Url = "https://hooks.example.com/vendorportal", Enabled = true } };
        });
    }

    public override async Task HandleAsync(UpdateWebhookRequest req, CancellationToken ct) =>
        await Send.OkAsync(WebhookResponse.From(await webhooks.UpdateAsync(req.Id, req.Body, ct)), ct);
}

public sealed class DeleteWebhook(WebhookOperations webhooks) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("webhooks/{id}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageWebhooks));
        Summary(s => s.Summary = "Deletes an endpoint with its delivery log; nothing more is sent to it.");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await webhooks.DeleteAsync(Route<Guid>("id"), ct);
        await Send.NoContentAsync(ct);
    }
}

public sealed class RotateWebhookSecret(WebhookOperations webhooks) : EndpointWithoutRequest<WebhookResponse>
{
    public override void Configure()
    {
        Post("webhooks/{id}/rotate-secret");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageWebhooks));
        Summary(s => s.Summary = "Replaces the signing secret (no body); every delivery from now on, retries included, is signed with the new one.");
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(WebhookResponse.From(await webhooks.RotateSecretAsync(Route<Guid>("id"), ct)), ct);
}

public sealed class TestWebhook(WebhookOperations webhooks) : EndpointWithoutRequest<WebhookDeliveryRow>
{
    public override void Configure()
    {
        Post("webhooks/{id}/test");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageWebhooks));
        Description(b => b.ClearDefaultProduces(200).Produces<WebhookDeliveryRow>(202));
        Summary(s => s.Summary = "Sends a webhook.test event to the endpoint now (no body) and answers its delivery; a disabled endpoint answers 409.");
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResponseAsync(Row(await webhooks.TestAsync(Route<Guid>("id"), ct)), StatusCodes.Status202Accepted, ct);

    internal static WebhookDeliveryRow Row(WebhookDelivery d) =>
        new(d.Id, d.MessageId, d.EventType, d.Attempts, d.LastStatusCode, d.LastResponse, d.LastAttemptAt, d.NextAttemptAt, d.DeliveredAt, d.CreatedAt);
}

public sealed class ListWebhookDeliveriesRequest : PageRequest
{
    public Guid Id { get; set; }
}

public sealed class ListWebhookDeliveriesValidator : PageRequestValidator<ListWebhookDeliveriesRequest>;

public sealed class ListWebhookDeliveries(WebhookList webhooks) : Endpoint<ListWebhookDeliveriesRequest, Paged<WebhookDeliveryRow>>
{
    public override void Configure()
    {
        Get("webhooks/{id}/deliveries");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageWebhooks));
        Summary(s => s.Summary = "The endpoint's delivery log, newest first: message id (webhook-id), event type, attempts, last status code " +
            "and the start of the answer (at most 1 KiB), next attempt (null once delivered or given up) and delivered at.");
    }

    public override async Task HandleAsync(ListWebhookDeliveriesRequest req, CancellationToken ct) =>
        await Send.OkAsync(await webhooks.DeliveriesAsync(req.Id, req, ct), ct);
}

public sealed class ReplayWebhookDelivery(WebhookOperations webhooks) : EndpointWithoutRequest<WebhookDeliveryRow>
{
    public override void Configure()
    {
        Post("webhooks/{id}/deliveries/{deliveryId}/replay");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageWebhooks));
        Description(b => b.ClearDefaultProduces(200).Produces<WebhookDeliveryRow>(202));
        Summary(s => s.Summary = "Sends a delivery again now (no body), with the same webhook-id and a fresh retry schedule; a disabled endpoint answers 409.");
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResponseAsync(TestWebhook.Row(await webhooks.ReplayAsync(Route<Guid>("id"), Route<Guid>("deliveryId"), ct)), StatusCodes.Status202Accepted, ct);
}
