namespace VendorPortal.Web.Features.Notifications;

/// <summary>The kinds of notification e-mail a person can choose to receive or not, each a family of notification kinds.</summary>
public enum NotificationCategory
{
    Alerts,
    Escalations,
    CapacityRequests,
    Shifts,
    Training,
    Statements,
    Webhooks,
}

public static class NotificationCategories
{
    public static readonly IReadOnlyList<NotificationCategory> All = Enum.GetValues<NotificationCategory>();

    /// <summary>
    /// The category a notification kind ("alert:confirmationsShort", "capacity:requested") belongs to, by its prefix; an
    /// escalation is its own category, so someone who reads alerts in the portal can still be told when one sits unread.
    /// A kind without a category is a programming error: every notification e-mail must be one a person can turn off.
    /// </summary>
    public static NotificationCategory Of(string kind) => kind switch
    {
        "alert:escalated" => NotificationCategory.Escalations,
        _ when kind.StartsWith("alert:", StringComparison.Ordinal) => NotificationCategory.Alerts,
        _ when kind.StartsWith("capacity:", StringComparison.Ordinal) => NotificationCategory.CapacityRequests,
        _ when kind.StartsWith("shift:", StringComparison.Ordinal) => NotificationCategory.Shifts,
        _ when kind.StartsWith("training:", StringComparison.Ordinal) => NotificationCategory.Training,
        _ when kind.StartsWith("statements:", StringComparison.Ordinal) => NotificationCategory.Statements,
        _ when kind.StartsWith("webhook:", StringComparison.Ordinal) => NotificationCategory.Webhooks,
        _ => throw new ArgumentException($"Notification kind \"{kind}\" belongs to no category; add it to {nameof(NotificationCategories)}.", nameof(kind)),
    };

    /// <summary>The category's name for people, in the current UI language.</summary>
    public static string Label(this IStringLocalizer text, NotificationCategory category) => category switch
    {
        NotificationCategory.Alerts => text["Readiness alerts"],
        NotificationCategory.Escalations => text["Alert escalations"],
        NotificationCategory.CapacityRequests => text["Capacity requests"],
        NotificationCategory.Shifts => text["Shifts"],
        NotificationCategory.Training => text["Training"],
        NotificationCategory.Statements => text["Statements"],
        NotificationCategory.Webhooks => text["Webhooks"],
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>What the category's e-mails tell, in the current UI language.</summary>
    public static string Description(this IStringLocalizer text, NotificationCategory category) => category switch
    {
        NotificationCategory.Alerts => text["A shift or reserve pool is short of confirmed or trained agents."],
        NotificationCategory.Escalations => text["An urgent alert has not been acknowledged in time (tenant admins)."],
        NotificationCategory.CapacityRequests => text["Capacity is requested of your vendor, answered or withdrawn."],
        NotificationCategory.Shifts => text["A shift of your vendor is cancelled or moved."],
        NotificationCategory.Training => text["A training session your agents are enrolled in is rescheduled or cancelled."],
        NotificationCategory.Statements => text["The month's draft statements are ready for review (finance)."],
        NotificationCategory.Webhooks => text["A webhook endpoint you manage was disabled after failing."],
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}

/// <summary>
/// A person's choice not to receive one category of notification e-mail. Everything is received until opted out, so a
/// new category reaches everyone. Kept per user, not per membership: the person decides what reaches their inbox, across
/// every tenant they work in, just as their language is theirs; an unsubscribe link then stops what it says everywhere.
/// </summary>
public sealed class NotificationOptOut
{
    public Guid UserId { get; init; }
    public NotificationCategory Category { get; init; }
    public DateTimeOffset OptedOutAt { get; init; }
}

public sealed class NotificationOptOutConfiguration : IEntityTypeConfiguration<NotificationOptOut>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<NotificationOptOut> b)
    {
        b.HasKey(x => new { x.UserId, x.Category });
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
        b.HasOne<Identity.User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
