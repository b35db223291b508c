using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Events;
using VendorPortal.Web.Features.CapacityRequests;
using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.Demo;

/// <summary>
/// Capacity for the demo promotion, made the way people make it: the planner asks both vendors, Apex commits part and
/// Harbor all, a backfill and a hotline request wait for answers, and the vendors have assigned and partly confirmed
/// their agents. A closed "Double 11" a few weeks back carries confirmations and attendance for the scorecards.
/// </summary>
public static class DemoShifts
{
    public delegate Task AsMember(string email, Func<IServiceProvider, CancellationToken, Task> work);

    public static async Task SeedAsync(IServiceProvider sp, AsMember asMember, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.CapacityRequests.AnyAsync(ct)) return;
        var promotion = await db.Events.AsNoTracking().SingleAsync(e => e.Name == "Double 12", ct);
        var vendors = await db.Vendors.AsNoTracking().ToDictionaryAsync(v => v.Name, v => v.Id, ct);
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var day = promotion.StartDate.ToDateTime(TimeOnly.MinValue);
        var tomorrowEvening = TenantTime.ToLocal(now, await db.TenantZoneAsync(ct)).Date.AddDays(1).AddHours(18);

        CapacityRequest apexPresales = null!, harborAftersales = null!;
        await asMember("planner@demo.test", async (p, c) =>
        {
            var requests = p.GetRequiredService<CapacityRequestOperations>();
            apexPresales = await requests.CreateAsync(new CapacityRequestInput
            {
                EventId = promotion.Id, VendorId = vendors["Apex BPO"], Skill = "PRESALES", RespondByLocal = tomorrowEvening,
                Message = "Double 12 pre-sales chat: the midnight opening and the evenings are the peaks. Please commit what you can by tomorrow evening.",
                Shifts = [Plan(day, 0, 8, 8), Plan(day, 8, 16, 10), Plan(day, 16, 24, 14), Plan(day.AddDays(1), 16, 24, 12)],
            }, c);
            harborAftersales = await requests.CreateAsync(new CapacityRequestInput
            {
                EventId = promotion.Id, VendorId = vendors["Harbor Contact"], Skill = "AFTERSALES", RespondByLocal = tomorrowEvening,
                Message = "Returns and order-status questions peak on the first two evenings.",
                Shifts = [Plan(day, 8, 16, 8), Plan(day, 16, 24, 10), Plan(day.AddDays(1), 16, 24, 8)],
            }, c);
        });
        await asMember("apex@demo.test", (p, c) => p.GetRequiredService<CapacityRequestOperations>().RespondAsync(apexPresales.Id, new CapacityResponseInput
        {
            Message = "First evening: 10 of 14, our Hefei team is on another client's launch that night.",
            Shifts = [.. apexPresales.Shifts.Select(s => new ShiftAnswerInput { RequestedShiftId = s.Id, Committed = s.Headcount == 14 ? 10 : s.Headcount })],
        }, c));
        await asMember("harbor@demo.test", (p, c) => p.GetRequiredService<CapacityRequestOperations>().RespondAsync(harborAftersales.Id, new CapacityResponseInput
        {
            Message = "All confirmed on our side; names follow by Thursday.",
            Shifts = [.. harborAftersales.Shifts.Select(s => new ShiftAnswerInput { RequestedShiftId = s.Id, Committed = s.Headcount })],
        }, c));
        await asMember("planner@demo.test", async (p, c) =>
        {
            var requests = p.GetRequiredService<CapacityRequestOperations>();
            await requests.CreateAsync(new CapacityRequestInput
            {
                EventId = promotion.Id, VendorId = vendors["Harbor Contact"], Skill = "PRESALES", RespondByLocal = tomorrowEvening, BackfillForId = apexPresales.Id,
                Message = "Apex is 4 short on the first evening: can your pre-sales agents cover it?",
                Shifts = [Plan(day, 16, 24, 4)],
            }, c);
            await requests.CreateAsync(new CapacityRequestInput
            {
                EventId = promotion.Id, VendorId = vendors["Apex BPO"], Skill = "HOTLINE", RespondByLocal = tomorrowEvening,
                Message = "A short hotline block for delivery problems after the midnight opening.",
                Shifts = [Plan(day, 0, 4, 4), Plan(day, 20, 24, 6)],
            }, c);
        });

        await asMember("apex@demo.test", (p, c) => StaffAsync(p, promotion.Id, "PRESALES", declined: ["Family commitment that evening", "Exam the next morning"], c));
        await asMember("harbor@demo.test", (p, c) => StaffAsync(p, promotion.Id, "AFTERSALES", declined: ["Moving house that weekend"], c));
    }

    /// <summary>The vendor assigns agents shift by shift (never the same agent twice) and confirms most, declines a few, and leaves the last shift to confirm.</summary>
    private static async Task StaffAsync(IServiceProvider sp, Guid eventId, string skill, string[] declined, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var shifts = sp.GetRequiredService<ShiftOperations>();
        var skillId = await db.Skills.Where(s => s.Code == skill).Select(s => s.Id).SingleAsync(ct);
        var pool = (await db.Agents.AsNoTracking().Where(a => a.Status == AgentStatus.Active).OrderBy(a => a.ExternalRef).ToListAsync(ct))
            .Where(a => a.SkillIds.Contains(skillId)).ToList();
        var mine = await db.Shifts.AsNoTracking().Where(s => s.EventId == eventId && s.SkillId == skillId).OrderBy(s => s.StartsAt).ToListAsync(ct);
        var next = 0;
        var declines = new Queue<string>(declined);
        for (var i = 0; i < mine.Count; i++)
        {
            var shift = mine[i];
            var count = Math.Min(i == 0 ? shift.Headcount - 1 : shift.Headcount, pool.Count - next);
            var assigned = await shifts.AssignAsync(shift.Id, [.. pool.Skip(next).Take(count).Select(a => a.Id)], ct);
            next += count;
            if (i == mine.Count - 1) continue;
            var decisions = assigned.Select((a, k) => new ConfirmationInput
            {
                AssignmentId = a.Id,
                Decision = k == 1 && declines.Count > 0 ? Decision.Decline : Decision.Confirm,
                Reason = k == 1 && declines.Count > 0 ? declines.Dequeue() : null,
            }).Take(assigned.Count - (i == 0 ? 2 : 0)).ToList();
            await shifts.DecideAsync(decisions, ct);
        }
    }

    /// <summary>A closed promotion with confirmations and attendance, written directly: the operations rightly refuse shifts in the past.</summary>
    public static async Task SeedHistoryAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Events.AnyAsync(e => e.Name == "Double 11", ct)) return;
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var zone = await db.TenantZoneAsync(ct);
        var today = DateOnly.FromDateTime(TenantTime.ToLocal(now, zone).DateTime);
        var first = new DateOnly(today.Year, 11, 11) < today ? new DateOnly(today.Year, 11, 11) : today.AddDays(-12);
        var past = new SurgeEvent
        {
            Name = "Double 11", StartDate = first, EndDate = first.AddDays(1), Status = EventStatus.Closed,
            Description = "Singles' Day: the year's biggest promotion.", CreatedAt = now.AddDays(-40), UpdatedAt = now.AddDays(-10),
        };
        db.Events.Add(past);
        var skills = await db.Skills.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var agents = (await db.Agents.AsNoTracking().Where(a => a.Status == AgentStatus.Active).OrderBy(a => a.ExternalRef).ToListAsync(ct))
            .GroupBy(a => a.VendorId).ToDictionary(g => g.Key, g => g.ToList());
        var plan = new (string Vendor, string Skill, int Day, int From, int To, int Headcount)[]
        {
            ("Apex BPO", "PRESALES", 0, 0, 8, 10), ("Apex BPO", "PRESALES", 0, 16, 24, 12), ("Apex BPO", "PRESALES", 1, 16, 24, 10),
            ("Harbor Contact", "AFTERSALES", 0, 16, 24, 9), ("Harbor Contact", "AFTERSALES", 1, 16, 24, 8),
        };
        var vendors = await db.Vendors.AsNoTracking().ToDictionaryAsync(v => v.Name, v => v.Id, ct);
        var n = 0;
        var used = new Dictionary<Guid, int>();
        foreach (var (vendor, skill, offset, from, to, headcount) in plan)
        {
            var date = first.AddDays(offset).ToDateTime(TimeOnly.MinValue);
            var shift = new Shift
            {
                VendorId = vendors[vendor], EventId = past.Id, SkillId = skills[skill], Headcount = headcount,
                StartsAt = TenantTime.ToInstant(date.AddHours(from), zone, "startsAt"), EndsAt = TenantTime.ToInstant(date.AddHours(to), zone, "endsAt"),
                CreatedAt = now.AddDays(-20), UpdatedAt = now.AddDays(-12),
            };
            db.Shifts.Add(shift);
            var skip = used.GetValueOrDefault(shift.VendorId);
            var staff = agents[shift.VendorId].Where(a => a.SkillIds.Contains(shift.SkillId)).Skip(skip).Take(headcount).ToList();
            used[shift.VendorId] = skip + staff.Count;
            foreach (var agent in staff)
            {
                n++;
                var declined = n % 11 == 5;
                db.Assignments.Add(new Assignment
                {
                    VendorId = shift.VendorId, ShiftId = shift.Id, AgentId = agent.Id, AssignedAt = shift.StartsAt.AddDays(-6),
                    Status = declined ? AssignmentStatus.Declined : AssignmentStatus.Confirmed, DeclineReason = declined ? "Not available that night" : null,
                    DecidedAt = shift.StartsAt.AddDays(n % 7 == 3 ? -1 : -4), Late = n % 7 == 3, DecidedBy = vendor == "Apex BPO" ? "apex@demo.test" : "harbor@demo.test",
                    Attended = declined ? null : n % 13 != 7, AttendanceAt = declined ? null : shift.EndsAt.AddHours(1),
                });
                if (!declined) shift.Taken++;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static ShiftPlanInput Plan(DateTime day, int fromHour, int toHour, int headcount) =>
        new() { StartsAtLocal = day.AddHours(fromHour), EndsAtLocal = day.AddHours(toHour), Headcount = headcount };
}
