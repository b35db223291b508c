using System.Text;
using System.Text.Json;

namespace VendorPortal.Web.Features.Webhooks;

/// <summary>
/// The events a receiver can hear, each with a stable type and the facts it carries in <c>data</c>, so a receiver
/// acts without calling back. The catalogue (with an example of each) is shown in the API document and README.
/// </summary>
public static class WebhookEvents
{
    public const string AlertRaised = "alert.raised";
    public const string AlertResolved = "alert.resolved";
    public const string AlertEscalated = "alert.escalated";
    public const string CapacityRequestSent = "capacity_request.sent";
    public const string CapacityRequestAnswered = "capacity_request.answered";
    public const string CapacityRequestCancelled = "capacity_request.cancelled";
    public const string ShiftConfirmationsChanged = "shift.confirmations_changed";
    public const string ShiftCancelled = "shift.cancelled";
    public const string TrainingResultsRecorded = "training.results_recorded";
    public const string StatementIssued = "statement.issued";
    public const string StatementVoided = "statement.voided";
    public const string Test = "webhook.test";

    private static readonly Guid Tenant = Guid.Parse("0193a5f0-0000-7000-8000-000000000001");
    private static readonly Guid Vendor = Guid.Parse("0193a5f0-0000-7000-8000-000000000002");
    private static readonly Guid Shift = Guid.Parse("0193a5f0-0000-7000-8000-000000000003");
    private static readonly Guid Event = Guid.Parse("0193a5f0-0000-7000-8000-000000000004");
    private static readonly Guid Request = Guid.Parse("0193a5f0-0000-7000-8000-000000000005");
    private static readonly DateTimeOffset At = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly AlertData ExampleAlert = new(Guid.Parse("0193a5f0-0000-7000-8000-000000000006"), "confirmationsShort", Vendor, "Acme Contact",
        Shift, "VOICE", At.AddHours(48), 48, 12, 18, "Acme Contact, VOICE shift of Double 11 at 2026-11-22 16:00 (Asia/Shanghai), 48 h ahead: 12 of 18 needed agents confirmed.",
        At, null);

    /// <summary>Every type with what it means and an example of its data.</summary>
    public static readonly IReadOnlyList<(string Type, string Meaning, object Example)> Catalogue =
    [
        (AlertRaised, "A readiness alert was raised (vendorId: the vendor it is about).", ExampleAlert),
        (AlertResolved, "An open alert's condition no longer holds (timestamp: when the scan saw it).", ExampleAlert),
        (AlertEscalated, "An urgent alert sat unacknowledged past the tenant's alertEscalationMinutes (timestamp: when it escalated).", ExampleAlert),
        (CapacityRequestSent, "A planner asked a vendor for agents, shift by shift.",
            new CapacityRequestData(Request, Vendor, Event, "Double 11", "VOICE", "sent", At.AddDays(2), 20, null, "Please cover the evening peak.", null, null, [new RequestedShiftData(Guid.Parse("0193a5f0-0000-7000-8000-000000000007"), At.AddDays(3), At.AddDays(3).AddHours(8), 20, null)])),
        (CapacityRequestAnswered, "The vendor answered: per shift the agents committed; committed shifts became the vendor's shifts.",
            new CapacityRequestData(Request, Vendor, Event, "Double 11", "VOICE", "answered", At.AddDays(2), 20, 15, "Please cover the evening peak.", "15 of 20; the rest are on leave.", null, [new RequestedShiftData(Guid.Parse("0193a5f0-0000-7000-8000-000000000007"), At.AddDays(3), At.AddDays(3).AddHours(8), 20, 15)])),
        (CapacityRequestCancelled, "The planner withdrew the request; shifts committed under it are cancelled too.",
            new CapacityRequestData(Request, Vendor, Event, "Double 11", "VOICE", "cancelled", At.AddDays(2), 20, null, "Please cover the evening peak.", null, "Forecast lowered", [])),
        (ShiftConfirmationsChanged, "Assignments of a shift were confirmed or declined; the counts are after the change.",
            new ShiftConfirmationsData(Shift, Vendor, Event, "VOICE", At.AddDays(3), At.AddDays(3).AddHours(8), 18, 12, 3)),
        (ShiftCancelled, "A shift was cancelled and its agents released.",
            new ShiftCancelledData(Shift, Vendor, Event, "VOICE", At.AddDays(3), At.AddDays(3).AddHours(8), "Forecast lowered")),
        (TrainingResultsRecorded, "Results of a training session were recorded (one event per vendor, with that vendor's agents).",
            new TrainingResultsData(Guid.Parse("0193a5f0-0000-7000-8000-000000000008"), "Returns desk", Vendor, [new TrainingResultData(Guid.Parse("0193a5f0-0000-7000-8000-000000000009"), "passed")])),
        (StatementIssued, "A statement was issued: numbered, hashed and final.",
            new StatementData(Guid.Parse("0193a5f0-0000-7000-8000-00000000000a"), "ST-2026-0001", Vendor, "2026-10-01", "2026-10-31", "CNY", 125000.50m, "issued", null)),
        (StatementVoided, "An issued statement was voided.",
            new StatementData(Guid.Parse("0193a5f0-0000-7000-8000-00000000000a"), "ST-2026-0001", Vendor, "2026-10-01", "2026-10-31", "CNY", 125000.50m, "void", "Wrong rate card")),
        (Test, "Sent by POST .../webhooks/{id}/test to check a receiver.", new TestData(Guid.Parse("0193a5f0-0000-7000-8000-00000000000b"), Tenant)),
    ];

    public static IReadOnlySet<string> Types { get; } = Catalogue.Select(c => c.Type).ToHashSet(StringComparer.Ordinal);

    /// <summary>The body of a delivery, as every receiver gets it.</summary>
    public static string Body(string type, DateTimeOffset timestamp, object data) =>
        JsonSerializer.Serialize(new Envelope(type, timestamp, data), JsonSerializerOptions.Web);

    /// <summary>The catalogue as the API document describes it (markdown).</summary>
    public static string Markdown()
    {
        var text = new StringBuilder("Every delivery is a JSON body `{type, timestamp, data}` signed per Standard Webhooks " +
            "(headers webhook-id, webhook-timestamp, webhook-signature). Event types:\n\n");
        foreach (var (type, meaning, example) in Catalogue)
            text.Append("- `").Append(type).Append("`: ").Append(meaning).Append(" Example: `").Append(Body(type, At, example)).Append("`\n");
        return text.ToString();
    }

    private sealed record Envelope(string Type, DateTimeOffset Timestamp, object Data);
}

/// <summary>An alert as alert.raised, alert.resolved and alert.escalated carry it; the event's type and timestamp say what happened when.</summary>
public sealed record AlertData(Guid AlertId, string Kind, Guid VendorId, string VendorName, Guid? ShiftId, string? Skill,
    DateTimeOffset? ShiftStartsAt, int? LeadHours, int Actual, int Needed, string Message, DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt);

public sealed record RequestedShiftData(Guid RequestedShiftId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Headcount, int? Committed);

public sealed record CapacityRequestData(Guid CapacityRequestId, Guid VendorId, Guid EventId, string EventName, string Skill, string Status,
    DateTimeOffset RespondBy, int AgentsAsked, int? AgentsCommitted, string? Message, string? ResponseMessage, string? CancelReason,
    IReadOnlyList<RequestedShiftData> Shifts);

public sealed record ShiftConfirmationsData(Guid ShiftId, Guid VendorId, Guid? EventId, string Skill, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int Required, int Confirmed, int Declined);

public sealed record ShiftCancelledData(Guid ShiftId, Guid VendorId, Guid? EventId, string Skill, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Reason);

public sealed record TrainingResultData(Guid AgentId, string Result);

public sealed record TrainingResultsData(Guid SessionId, string Title, Guid VendorId, IReadOnlyList<TrainingResultData> Results);

public sealed record StatementData(Guid StatementId, string? Number, Guid VendorId, string PeriodStart, string PeriodEnd, string Currency,
    decimal Total, string Status, string? VoidReason);

public sealed record TestData(Guid EndpointId, Guid TenantId);
