using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Clocks;
using AfterSales.Cloud.Sla.Timers;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>Turns a ticket's targets into deadlines and durable timers, and moves them on pause and resume.</summary>
internal sealed class SlaTimerService(SlaTermsPolicy terms, ContractTermsStore contracts, IOptions<SlaOptions> options)
{
    private static readonly TimerKind[] SlaKinds = [TimerKind.Acknowledge, TimerKind.Arrival, TimerKind.Resolution];

    public IWorkCalendar ClockOf(Ticket ticket) => ticket.BusinessHoursClock ? terms.BusinessCalendar : AroundTheClock.Instance;

    /// <summary>
    /// Arrival and resolution run from the clock start, on the terms of the site's contract in force
    /// now (docs/service-rules.md §1.8); returns the explanation for the audit trail, naming the contract.
    /// </summary>
    public async Task<string> PlanOnOpenAsync(CloudDb db, Ticket ticket, Site site, ArrivalAssessment zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contract = await contracts.InForceAsync(db, site.Id, now, cancellationToken);
        var targets = terms.For(ticket.Severity, zone, contract);
        ticket.SetDeadlines(
            targets.BusinessHours,
            Schedule(db, ticket, TimerKind.Arrival, targets.Clock, ticket.OpenedAt, targets.Arrival),
            Schedule(db, ticket, TimerKind.Resolution, targets.Clock, ticket.OpenedAt, targets.Resolution));
        return targets.Explanation;
    }

    /// <summary>A human sets the arrival deadline of a ticket the zones could not place; resolution follows the company rule.</summary>
    public void PlanByHand(CloudDb db, Ticket ticket, DateTimeOffset now, double arrivalHours)
    {
        Cancel(db, ticket.Id, now, TimerKind.Arrival, TimerKind.Resolution);
        var clock = ClockOf(ticket);
        var arrival = Duration.FromHours(arrivalHours);
        ticket.SetDeadlinesByHand(
            Schedule(db, ticket, TimerKind.Arrival, clock, ticket.OpenedAt, arrival)!.Value,
            Schedule(db, ticket, TimerKind.Resolution, clock, ticket.OpenedAt, arrival + Duration.FromHours(options.Value.ResolutionHoursAfterArrival))!.Value);
    }

    /// <summary>The acknowledgement clock starts when a technician gets the job (docs/service-rules.md §1.5: call within 15 minutes).</summary>
    public async Task PlanAcknowledgeAsync(CloudDb db, Ticket ticket, Site site, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Cancel(db, ticket.Id, now, TimerKind.Acknowledge);
        var contract = await contracts.InForceAsync(db, site.Id, now, cancellationToken);
        var acknowledge = terms.For(ticket.Severity, new ArrivalAssessment(null, ticket.Zone, null, null, false, string.Empty), contract).Acknowledge;
        ticket.SetAcknowledgeDue(Schedule(db, ticket, TimerKind.Acknowledge, ClockOf(ticket), now, acknowledge));
    }

    public static void Cancel(CloudDb db, long ticketId, DateTimeOffset now, params TimerKind[] kinds)
    {
        foreach (var timer in db.Tracked<DeskTimer>().Where(t => t.TicketId == ticketId && t.FiredAt == null && t.CancelledAt == null && kinds.Contains(t.Kind)))
        {
            timer.CancelledAt = now;
        }
    }

    /// <summary>Loads the ticket's pending timers into the unit of work so <see cref="Cancel"/> sees them.</summary>
    public static Task LoadPendingAsync(CloudDb db, long ticketId, CancellationToken cancellationToken) =>
        db.DeskTimers.Where(t => t.TicketId == ticketId && t.FiredAt == null && t.CancelledAt == null).LoadAsync(cancellationToken);

    public static void CancelAll(CloudDb db, long ticketId, DateTimeOffset now) =>
        Cancel(db, ticketId, now, Enum.GetValues<TimerKind>());

    /// <summary>Waiting for the customer: the SLA timers stop; their running time left is kept for the resume.</summary>
    public static void Pause(CloudDb db, Ticket ticket, string reason, DateTimeOffset now)
    {
        ticket.Pause(reason, now);
        Cancel(db, ticket.Id, now, SlaKinds);
    }

    /// <summary>The clock runs again: every stopped timer and deadline gets back the running time it had left. Returns how long it was paused.</summary>
    public TimeSpan Resume(CloudDb db, Ticket ticket, DateTimeOffset now)
    {
        var clock = ClockOf(ticket);
        var pausedAt = ticket.PausedAt.GetValueOrDefault();
        DateTimeOffset Shift(DateTimeOffset due) =>
            SlaClock.Resume(clock, due.ToInstant(), pausedAt.ToInstant(), now.ToInstant()).ToDateTimeOffset();

        var pausedFor = ticket.Resume(now, Shift);

        // A target met during the pause (accepted, arrived) does not get its timers back.
        foreach (var stopped in db.Tracked<DeskTimer>().Where(t => t.TicketId == ticket.Id && t.CancelledAt == pausedAt && SlaKinds.Contains(t.Kind) && !Met(ticket, t.Kind)))
        {
            IEnumerable<(int Percent, DateTimeOffset DueAt)> marks = [(stopped.Percent, stopped.DueAt), .. TimerMarks.Parse(stopped.LaterMarks)];
            db.DeskTimers.Add(TargetTimer(ticket, stopped.Kind, [.. marks.Select(m => (m.Percent, Shift(m.DueAt)))]));
        }

        return pausedFor;
    }

    private static bool Met(Ticket ticket, TimerKind kind) => kind switch
    {
        TimerKind.Acknowledge => ticket.AcceptedAt is not null,
        TimerKind.Arrival => ticket.ArrivedAt is not null,
        TimerKind.Resolution => ticket.ResolvedAt is not null,
        _ => false,
    };

    /// <summary>Loads the timers a pause stopped, so <see cref="Resume"/> can restart them.</summary>
    public static Task LoadPausedAsync(CloudDb db, Ticket ticket, CancellationToken cancellationToken) =>
        db.DeskTimers.Where(t => t.TicketId == ticket.Id && t.CancelledAt == ticket.PausedAt).LoadAsync(cancellationToken);

    private DateTimeOffset? Schedule(CloudDb db, Ticket ticket, TimerKind kind, IWorkCalendar clock, DateTimeOffset start, Duration? budget)
    {
        if (budget is not { } b)
        {
            return null;
        }

        var marks = TimerPlan.Marks(clock, start, b, options.Value.WarningPercents).ToList();
        db.DeskTimers.Add(TargetTimer(ticket, kind, marks));
        return marks[^1].DueAt;
    }

    /// <summary>
    /// A timer fired: if it was an SLA target's mark with later ones, the next becomes the target's timer, unless the
    /// target is met or the ticket finished.
    /// On a paused ticket the next mark is written stopped by that pause, so <see cref="Resume"/> restarts it.
    /// </summary>
    public static void ScheduleNext(CloudDb db, Ticket ticket, DeskTimer fired)
    {
        var marks = TimerMarks.Parse(fired.LaterMarks);
        if (marks.Count == 0 || TicketStateMachine.IsFinished(ticket.Status) || Met(ticket, fired.Kind))
        {
            return;
        }

        var next = TargetTimer(ticket, fired.Kind, marks);
        next.CancelledAt = ticket.PausedAt;
        db.DeskTimers.Add(next);
    }

    /// <summary>A target's one timer row: due at its first mark, carrying the later ones (scheduled one by one by <see cref="ScheduleNext"/>).</summary>
    private static DeskTimer TargetTimer(Ticket ticket, TimerKind kind, IReadOnlyList<(int Percent, DateTimeOffset DueAt)> marks) =>
        new() { TicketId = ticket.Id, Kind = kind, Percent = marks[0].Percent, DueAt = marks[0].DueAt, LaterMarks = TimerMarks.Format(marks.Skip(1)) };
}
