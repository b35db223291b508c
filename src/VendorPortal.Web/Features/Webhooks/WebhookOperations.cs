namespace VendorPortal.Web.Features.Webhooks;

/// <summary>A webhook endpoint as created or changed; a vendor manager's endpoints always carry their own vendor.</summary>
public sealed class WebhookInput
{
    public const int MaxUrl = 1000;

    public string Url { get; set; } = "";
    /// <summary>The event types to receive; empty or absent means all.</summary>
    public List<string>? EventTypes { get; set; }
    public string? Description { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>Null for the tenant's own endpoint (every event); a vendor's id for that vendor's events only.</summary>
    public Guid? VendorId { get; set; }
}

public sealed class WebhookInputValidator : Validator<WebhookInput>
{
    public WebhookInputValidator()
    {
        RuleFor(x => x.Url).NotEmpty().MaximumLength(WebhookInput.MaxUrl);
        RuleFor(x => x.Description).MaximumLength(400);
        RuleFor(x => x.EventTypes).Must(t => t is null || t.Count <= WebhookEvents.Types.Count * 2).WithMessage("Too many event types.");
        RuleForEach(x => x.EventTypes).NotEmpty().MaximumLength(60);
    }
}

public sealed record WebhookResponse(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description, bool Enabled, Guid? VendorId,
    string Secret, string? DisabledReason, DateTimeOffset? DisabledAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookResponse From(WebhookEndpoint e) =>
        new(e.Id, e.Url, e.EventTypes, e.Description, e.Enabled, e.VendorId, e.Secret, e.DisabledReason, e.DisabledAt, e.CreatedAt, e.UpdatedAt);
}

/// <summary>Endpoints are managed here by the API and the portal alike; every write is audited (never the secret).</summary>
public sealed class WebhookOperations(AppDbContext db, AccessScopeAccessor scope, WebhookAddress address, WebhookOutbox outbox, TimeProvider clock)
{
    public async Task<WebhookEndpoint> CreateAsync(WebhookInput input, CancellationToken ct)
    {
        var endpoint = new WebhookEndpoint { Url = input.Url.Trim() };
        await ApplyAsync(endpoint, input, ct);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        return endpoint;
    }

    public async Task<WebhookEndpoint> UpdateAsync(Guid id, WebhookInput input, CancellationToken ct)
    {
        var endpoint = await LoadAsync(id, ct);
        await ApplyAsync(endpoint, input, ct);
        await db.SaveChangesAsync(ct);
        return endpoint;
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        db.WebhookEndpoints.Remove(await LoadAsync(id, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new secret signs every delivery from now on, retries of earlier events included.</summary>
    public async Task<WebhookEndpoint> RotateSecretAsync(Guid id, CancellationToken ct)
    {
        var endpoint = await LoadAsync(id, ct);
        endpoint.RotateSecret();
        await db.SaveChangesAsync(ct);
        return endpoint;
    }

    /// <summary>Sends a <c>webhook.test</c> event now; its delivery appears in the log like any other.</summary>
    public async Task<WebhookDelivery> TestAsync(Guid id, CancellationToken ct)
    {
        var endpoint = await LoadAsync(id, ct);
        if (!endpoint.Enabled) throw RuleViolation.Conflict("id", WebhookRules.Disabled);
        var delivery = outbox.RaiseTest(endpoint);
        await db.SaveChangesAsync(ct);
        return delivery;
    }

    /// <summary>Sends a delivery again now, with its message id, whether it was delivered or gave up.</summary>
    public async Task<WebhookDelivery> ReplayAsync(Guid id, Guid deliveryId, CancellationToken ct)
    {
        var endpoint = await LoadAsync(id, ct);
        if (!endpoint.Enabled) throw RuleViolation.Conflict("id", WebhookRules.Disabled);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == id, ct)
            ?? throw new NotFound(Thing.WebhookDelivery);
        delivery.Attempts = 0;
        delivery.DeliveredAt = null;
        delivery.ClaimedUntil = null;
        delivery.NextAttemptAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        outbox.Send(delivery.TenantId, delivery.Id);
        return delivery;
    }

    public async Task<WebhookEndpoint> LoadAsync(Guid id, CancellationToken ct) =>
        await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFound(Thing.Webhook);

    private async Task ApplyAsync(WebhookEndpoint endpoint, WebhookInput input, CancellationToken ct)
    {
        var url = input.Url.Trim();
        if (await address.ProblemAsync(url, ct) is { } problem) throw new RuleViolation("url", problem);
        var types = (input.EventTypes ?? []).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (types.FirstOrDefault(t => !WebhookEvents.Types.Contains(t)) is { } unknown)
            throw new RuleViolation($"eventTypes[{types.IndexOf(unknown)}]", WebhookRules.UnknownEventType(unknown));
        var s = scope.Required;
        var vendorId = s.VendorId ?? input.VendorId;
        if (input.VendorId is { } asked && (asked != vendorId || !await db.Vendors.AnyAsync(v => v.Id == asked, ct)))
            throw new RuleViolation("vendorId", CommonRules.NoSuchVendorInTenant);
        endpoint.Url = url;
        endpoint.EventTypes = types;
        endpoint.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        endpoint.VendorId = vendorId;
        if (input.Enabled) endpoint.Enable();
        else endpoint.Disable($"Disabled by {s.ActorName}.", clock.GetUtcNow());
    }
}
