namespace VendorPortal.Web.Features.Shifts;

/// <summary>The rules of shifts, assignments, confirmations and attendance. Texts in Resources/RuleMessages*.resx.</summary>
public static class ShiftRules
{
    public static RuleError Cancelled => new("shift.cancelled");
    public static RuleError Started => new("shift.started");
    public static RuleError OutsideEvent(DateOnly day, DateOnly eventStart, DateOnly eventEnd) => new("shift.outside_event", day, eventStart, eventEnd);
    public static RuleError InPast => new("shift.in_past");
    public static RuleError EndsBeforeStart => new("shift.ends_before_start");
    public static RuleError TooLong(int maxHours, double hours) => new("shift.too_long", maxHours, hours);
    public static RuleError PlacesLeft(int limit, int headcount, int left) => new("shift.places_left", limit, headcount, left);
    public static RuleError ChangedConcurrently => new("shift.changed_concurrently");
    public static RuleError CalendarNeedsPerson => new("shift.calendar_needs_person");
    public static RuleError MoveOnShift(IEnumerable<string> agents) => new("shift.move_on_shift", string.Join(", ", agents));
    public static RuleError MoveInTraining(IEnumerable<string> agents) => new("shift.move_in_training", string.Join(", ", agents));

    public static RuleError Status(AssignmentStatus status) => new($"assignment.status.{status.ToString().ToLowerInvariant()}");
    public static RuleError NoSuchAgent(Guid id) => new("assignment.no_such_agent", id);
    public static RuleError AgentNotActive(string who, Agents.AgentStatus status) => new("assignment.agent_not_active", who, Agents.AgentRules.Status(status));
    public static RuleError NoSkill(string who) => new("assignment.no_skill", who);
    public static RuleError AlreadyOnShift(string who) => new("assignment.already_on_shift", who);
    public static RuleError Overlap(string who, DateTimeOffset fromLocal, DateTimeOffset toLocal) => new("assignment.overlap", who, fromLocal, toLocal);
    public static RuleError InTraining(string who, string title) => new("assignment.in_training", who, title);
    public static RuleError OverWeeklyHours(string who, double hours, DateOnly week, int max) => new("assignment.over_weekly_hours", who, hours, week, max);
    public static RuleError AssignmentTwice => new("assignment.twice");
    public static RuleError NoSuchAssignment => new("assignment.no_such_assignment");
    public static RuleError Released => new("assignment.released");
    public static RuleError DecideAfterStart => new("assignment.decide_after_start");
    public static RuleError DeclineReason => new("assignment.decline_reason");
    public static RuleError Declined => new("assignment.declined");
    public static RuleError NotConfirmed(AssignmentStatus status) => new("assignment.not_confirmed", Status(status));
    public static RuleError NotStarted => new("assignment.not_started");
}
