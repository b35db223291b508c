namespace VendorPortal.Web.Features.Training;

/// <summary>The rules of training sessions, enrolment and results. Texts in Resources/RuleMessages*.resx.</summary>
public static class TrainingRules
{
    public static RuleError Cancelled => new("training.cancelled");
    public static RuleError CapacityBelowEnrolled(int enrolled) => new("training.capacity_below_enrolled", enrolled);
    public static RuleError Started => new("training.started");
    public static RuleError NoSuchAgent(Guid id) => new("training.no_such_agent", id);
    public static RuleError AgentCannotEnrol(string name, string reference, Agents.AgentStatus status) =>
        new("training.agent_cannot_enrol", name, reference, Agents.AgentRules.Status(status));
    public static RuleError AlreadyEnrolled(string name, string reference) => new("training.already_enrolled", name, reference);
    public static RuleError InOtherSession(string name, string reference, string title) => new("training.in_other_session", name, reference, title);
    public static RuleError OnShift(string name, string reference) => new("training.on_shift", name, reference);
    public static RuleError SeatsLeft(int seats) => new("training.seats_left", seats);
    public static RuleError SeatsChanged => new("training.seats_changed");
    public static RuleError WithdrawAfterStart => new("training.withdraw_after_start");
    public static RuleError ResultRecorded => new("training.result_recorded");
    public static RuleError ChangedConcurrently => new("training.changed_concurrently");
    public static RuleError ResultsBeforeStart => new("training.results_before_start");
    public static RuleError ResultNotEnrolled(int row, Guid agentId) => new("training.result_not_enrolled", row, agentId);
    public static RuleError ResultAgentTwice => new("training.result_agent_twice");
    public static RuleError RescheduleClash(IEnumerable<string> agents) => new("training.reschedule_clash", string.Join(", ", agents));
    public static RuleError RescheduleOnShift(int agents) => new("training.reschedule_on_shift", agents);
}
