namespace VendorPortal.Web.Features.Planning;

/// <summary>What the planner may choose for a suggested plan; everything has a default.</summary>
public sealed class PlanInput
{
    /// <summary>Allowed shift lengths in hours, 1 to 12 each (default 4, 6 and 8).</summary>
    public List<double>? ShiftLengthsHours { get; set; }
    /// <summary>Shifts start every this many minutes from the day's first forecast interval (default 30, or the event's interval when longer).</summary>
    public int? StartStepMinutes { get; set; }
    /// <summary>The chance, between 0 and 1, that at least the planned agents show up at each vendor (default 0.9).</summary>
    public double? TargetShowProbability { get; set; }
    /// <summary>Only these vendors (default: every active vendor).</summary>
    public List<Guid>? VendorIds { get; set; }
}

public sealed class PlanInputValidator : Validator<PlanInput>
{
    public const int MaxLengths = 6, MaxVendors = 50;

    public PlanInputValidator()
    {
        RuleFor(x => x.ShiftLengthsHours).Must(l => l is null || l.Count is >= 1 and <= MaxLengths)
            .WithMessage("Allow one to 6 shift lengths.");
        RuleForEach(x => x.ShiftLengthsHours).InclusiveBetween(1, 12).WithMessage("A shift lasts 1 to 12 hours.");
        RuleFor(x => x.StartStepMinutes).InclusiveBetween(1, 720).WithMessage("Shifts start every 1 to 720 minutes.");
        RuleFor(x => x.TargetShowProbability).GreaterThan(0).LessThan(1)
            .WithMessage("The show probability lies strictly between 0 and 1, e.g. 0.9.");
        RuleFor(x => x.VendorIds).Must(v => v is null || v.Count <= MaxVendors).WithMessage("Name at most 50 vendors.");
        RuleForEach(x => x.VendorIds).NotEmpty();
    }
}

/// <summary>One skill's interval: what is needed, who covers it already, the gap and the plan's agents on shift.</summary>
public sealed record PlanCoverage(
    string Skill, DateOnly Date, DateTimeOffset Start, double Contacts, int Required, int InHouse, int AlreadyRequested, int Gap, int Planned,
    int Allocated, int Shortfall);

/// <summary>One vendor's part of a planned shift: agents expected to work and the headcount to ask for them to show up.</summary>
public sealed record PlanAllocation(Guid VendorId, string VendorName, int Agents, int Requested, double ShowRate, decimal? EstimatedCost);

/// <summary>A planned shift of one skill on one local day (end 24:00 is midnight).</summary>
public sealed record PlanShift(
    string Skill, Guid SkillId, DateOnly Date, string Start, string End, double Hours, int Agents, IReadOnlyList<PlanAllocation> Allocations);

/// <summary>A run of intervals with agents nobody can supply, in the planner's words.</summary>
public sealed record PlanShortfall(string Skill, DateOnly Date, string Start, string End, int Agents, string Code, string Message);

/// <summary>A vendor the plan could ask: measured show rate, and its part of the plan (null cost: no rate card prices it).</summary>
public sealed record PlanVendor(Guid VendorId, string Name, double ShowRate, int Shifts, int Agents, int Requested, double RequestedHours, decimal? EstimatedCost);

public sealed record PlanResponse(
    Guid EventId, string TimeZone, int IntervalMinutes, IReadOnlyList<double> ShiftLengthsHours, int StartStepMinutes, double TargetShowProbability,
    IReadOnlyList<PlanCoverage> Coverage, IReadOnlyList<PlanShift> Shifts, IReadOnlyList<PlanVendor> Vendors,
    double AgentHours, double LowerBound, bool Optimal, double RequestedHours, decimal EstimatedCost, string Currency,
    IReadOnlyList<PlanShortfall> Shortfalls, string Summary);

public sealed class SendAllocationInput
{
    public Guid VendorId { get; set; }
    /// <summary>Headcount asked of the vendor for this shift.</summary>
    public int Requested { get; set; }
}

public sealed class SendShiftInput
{
    public Guid? SkillId { get; set; }
    /// <summary>Skill code, e.g. PRESALES (or give skillId).</summary>
    public string? Skill { get; set; }
    /// <summary>Local date, yyyy-MM-dd.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Local start, HH:mm.</summary>
    public string Start { get; set; } = "";
    /// <summary>Local end, HH:mm on the same day (24:00 for midnight); an end before the start is the next day.</summary>
    public string End { get; set; } = "";
    public List<SendAllocationInput> Allocations { get; set; } = [];
}

public sealed class SendPlanInput
{
    public List<SendShiftInput> Shifts { get; set; } = [];
    /// <summary>Vendors answer by this local time (default: 48 hours from now, or an hour before the first shift when sooner).</summary>
    public DateTime? RespondByLocal { get; set; }
    public string? Message { get; set; }
}

public sealed class SendPlanInputValidator : Validator<SendPlanInput>
{
    public const int MaxShifts = 500;

    public SendPlanInputValidator()
    {
        RuleFor(x => x.Shifts).NotNull().Must(s => s.Count is >= 1 and <= MaxShifts).WithMessage("Send one to 500 shifts.");
        RuleForEach(x => x.Shifts).NotNull().ChildRules(s =>
        {
            s.RuleFor(x => x.Skill).MaximumLength(40);
            s.RuleFor(x => x.Date).NotEmpty();
            s.RuleFor(x => x.Start).NotEmpty().MaximumLength(5);
            s.RuleFor(x => x.End).NotEmpty().MaximumLength(5);
            s.RuleFor(x => x.Allocations).NotNull().Must(a => a.Count is >= 1 and <= PlanInputValidator.MaxVendors)
                .WithMessage("Ask one to 50 vendors per shift.");
            s.RuleForEach(x => x.Allocations).NotNull().ChildRules(a =>
            {
                a.RuleFor(x => x.VendorId).NotEmpty();
                a.RuleFor(x => x.Requested).InclusiveBetween(1, 1000);
            });
        });
        RuleFor(x => x.Message).MaximumLength(2000);
    }
}

public sealed record SendPlanResponse(IReadOnlyList<Guid> RequestIds);
