namespace VendorPortal.Web.Features.Shifts;

/// <summary>A batch of confirm or decline decisions, as the API receives it and the shift page sends it.</summary>
public sealed class RecordConfirmationsRequest
{
    [FromBody] public List<ConfirmationInput> Decisions { get; set; } = [];
}

public sealed class RecordConfirmationsValidator : Validator<RecordConfirmationsRequest>
{
    public RecordConfirmationsValidator()
    {
        RuleFor(x => x.Decisions).NotNull().Must(d => d.Count is >= 1 and <= ShiftOperations.MaxBatch).WithMessage("Send one to 10,000 decisions.");
        RuleForEach(x => x.Decisions).NotNull().ChildRules(d =>
        {
            d.RuleFor(x => x.AssignmentId).NotEmpty();
            d.RuleFor(x => x.Decision).IsInEnum();
            d.RuleFor(x => x.Reason).MaximumLength(400);
        });
    }
}
