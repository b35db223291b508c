namespace VendorPortal.Web.Features.CapacityRequests;

/// <summary>The rules of capacity requests and their answers. Texts in Resources/RuleMessages*.resx.</summary>
public static class CapacityRules
{
    public static RuleError Cancelled => new("request.cancelled");
    public static RuleError Answered => new("request.answered");
    public static RuleError NoSuchRequest => new("request.no_such_request");
    public static RuleError BackfillMismatch => new("request.backfill_mismatch");
    public static RuleError BackfillSameVendor => new("request.backfill_same_vendor");
    public static RuleError DueInPast => new("request.due_in_past");
    public static RuleError DueAfterStart => new("request.due_after_start");
    public static RuleError ShiftNotInRequest => new("request.shift_not_in_request");
    public static RuleError ShiftAnsweredTwice => new("request.shift_answered_twice");
    public static RuleError OverAsked(int headcount) => new("request.over_asked", headcount);
    public static RuleError ShiftStarted => new("request.shift_started");
    public static RuleError DeclineReason => new("request.decline_reason");
    public static RuleError ShiftTwice => new("request.shift_twice");
    public static RuleError ChangedConcurrently => new("request.changed_concurrently");
}
