namespace VendorPortal.Web.Features.Staffing;

/// <summary>One interval's Erlang C question, as the API receives it and the calculator page asks it.</summary>
public class ErlangCRequest
{
    [QueryParam] public double Contacts { get; set; }
    [QueryParam] public int IntervalMinutes { get; set; }
    [QueryParam] public double AhtSeconds { get; set; }
    /// <summary>Share of contacts to answer within the target time, e.g. 0.8.</summary>
    [QueryParam] public double ServiceLevel { get; set; }
    [QueryParam] public double TargetSeconds { get; set; }
    [QueryParam] public double Shrinkage { get; set; }
    [QueryParam] public double MaxOccupancy { get; set; } = 1;
}

public sealed class ErlangCRequestValidator : Validator<ErlangCRequest>
{
    public ErlangCRequestValidator()
    {
        RuleFor(x => x.Contacts).GreaterThanOrEqualTo(0);
        RuleFor(x => x.IntervalMinutes).InclusiveBetween(1, 1440);
        RuleFor(x => x.AhtSeconds).GreaterThan(0).LessThanOrEqualTo(86_400);
        RuleFor(x => x.ServiceLevel).GreaterThan(0).LessThanOrEqualTo(1);
        RuleFor(x => x.TargetSeconds).GreaterThanOrEqualTo(0).LessThanOrEqualTo(86_400);
        RuleFor(x => x.Shrinkage).GreaterThanOrEqualTo(0).LessThan(1);
        RuleFor(x => x.MaxOccupancy).GreaterThan(0).LessThanOrEqualTo(1);
    }
}
