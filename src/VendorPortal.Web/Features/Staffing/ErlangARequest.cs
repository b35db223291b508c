namespace VendorPortal.Web.Features.Staffing;

/// <summary>One interval's Erlang A question: the Erlang C question plus the callers' average patience.</summary>
public sealed class ErlangARequest : ErlangCRequest
{
    /// <summary>Callers' average patience in seconds (exponential) before they hang up, e.g. 120.</summary>
    [QueryParam] public double PatienceSeconds { get; set; }
}

public sealed class ErlangARequestValidator : Validator<ErlangARequest>
{
    public ErlangARequestValidator()
    {
        Include(new ErlangCRequestValidator());
        RuleFor(x => x.PatienceSeconds).GreaterThan(0).LessThanOrEqualTo(ErlangA.MaxPatienceSeconds);
    }
}
