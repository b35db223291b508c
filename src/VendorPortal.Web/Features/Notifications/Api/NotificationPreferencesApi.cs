namespace VendorPortal.Web.Features.Notifications.Api;

/// <summary>Whether a person receives one category of notification e-mail.</summary>
public sealed record NotificationChoice(NotificationCategory Category, bool Receive);

public sealed record NotificationPreferencesResponse(IReadOnlyList<NotificationChoice> Categories)
{
    public static NotificationPreferencesResponse From(IEnumerable<(NotificationCategory Category, bool Receive)> choices) =>
        new([.. choices.Select(c => new NotificationChoice(c.Category, c.Receive))]);
}

public sealed class NotificationChoiceInput
{
    public NotificationCategory? Category { get; set; }
    public bool? Receive { get; set; }
}

public sealed class UpdateNotificationPreferencesRequest
{
    public List<NotificationChoiceInput>? Categories { get; set; }
}

public sealed class UpdateNotificationPreferencesValidator : Validator<UpdateNotificationPreferencesRequest>
{
    public UpdateNotificationPreferencesValidator()
    {
        RuleFor(x => x.Categories).NotNull().Must(c => c!.Count <= NotificationCategories.All.Count)
            .WithMessage("Give each category at most once.");
        RuleForEach(x => x.Categories).NotNull().ChildRules(choice =>
        {
            choice.RuleFor(c => c.Category).NotNull().IsInEnum();
            choice.RuleFor(c => c.Receive).NotNull();
        });
        RuleFor(x => x.Categories).Must(c => c!.Where(x => x?.Category is not null).GroupBy(x => x.Category).All(g => g.Count() == 1))
            .When(x => x.Categories is not null).WithMessage("Give each category at most once.");
    }
}

public sealed class GetNotificationPreferences(NotificationPreferences preferences) : EndpointWithoutRequest<NotificationPreferencesResponse>
{
    public override void Configure()
    {
        Get("me/notification-preferences");
        Policies(Hosting.Authentication.PeopleOnly);
        Summary(s =>
        {
            s.Summary = "Which categories of notification e-mail the signed-in person receives.";
            s.Description = "Every category is listed; a person receives everything until they opt out. The choice is the person's own, "
                + "across all their tenants. Account e-mails (invitations, password resets) are always sent. Not for API keys.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(NotificationPreferencesResponse.From(await preferences.OfAsync(User.UserId()!.Value, ct)), ct);
}

public sealed class UpdateNotificationPreferences(NotificationPreferences preferences) : Endpoint<UpdateNotificationPreferencesRequest, NotificationPreferencesResponse>
{
    public override void Configure()
    {
        Put("me/notification-preferences");
        Policies(Hosting.Authentication.PeopleOnly);
        Summary(s =>
        {
            s.Summary = "Turns categories of notification e-mail on or off for the signed-in person.";
            s.Description = "Sets the categories named; the others keep their setting. Answers every category as it now stands. Not for API keys.";
            s.ExampleRequest = new UpdateNotificationPreferencesRequest
            {
                Categories = [new() { Category = NotificationCategory.Shifts, Receive = false }, new() { Category = NotificationCategory.Alerts, Receive = true }],
            };
        });
    }

    public override async Task HandleAsync(UpdateNotificationPreferencesRequest req, CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        await preferences.SetAsync(userId, req.Categories!.ToDictionary(c => c.Category!.Value, c => c.Receive!.Value), ct);
        await Send.OkAsync(NotificationPreferencesResponse.From(await preferences.OfAsync(userId, ct)), ct);
    }
}
