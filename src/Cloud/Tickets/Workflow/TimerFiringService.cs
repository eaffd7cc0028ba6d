using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla.Timers;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Telemetry;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>
/// Fires the durable timers that are due. Each is claimed with a conditional update, so of
/// several nodes (or a restart racing itself) exactly one fires it; what fell due while the
/// service was down fires at the first pass after start.
/// </summary>
internal sealed partial class TimerFiringService(
    IDbContextFactory<CloudDb> dbs,
    TicketWorkflowService workflow,
    NotificationService notifier,
    IOptions<TimerOptions> options,
    TimeProvider time,
    ILogger<TimerFiringService> log)
{
    /// <summary>
    /// Fires the due timers, healthy ones first. A timer that throws is counted and, after
    /// <see cref="TimerOptions.MaxFailures"/> failures, quarantined; it never stops the others
    /// (docs/service-rules.md, "Poison timers").
    /// </summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            await BringForwardUndeliveredOffersAsync(db, now, cancellationToken);
        }

        // A fired warning schedules its target's next mark, which may be due already (the service was down past
        // it): each round after the first fires only timers newer than the last round's, so what fell due fires in
        // this pass while a timer that failed is still tried once per pass.
        var fired = 0;
        long? newerThan = null;
        while (await DueAsync(now, newerThan, cancellationToken) is { Count: > 0 } due)
        {
            foreach (var id in due)
            {
                try
                {
                    fired += await FireAsync(id, now, cancellationToken) ? 1 : 0;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await CountFailureAsync(id, ex, now, cancellationToken);
                }
            }

            newerThan = due.Max();
        }

        return fired;
    }

    private async Task<List<long>> DueAsync(DateTimeOffset now, long? newerThan, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.DeskTimers.AsNoTracking()
            .Where(t => t.FiredAt == null && t.CancelledAt == null && t.QuarantinedAt == null && t.DueAt <= now && (newerThan == null || t.Id > newerThan))
            .OrderBy(t => t.Failures).ThenBy(t => t.DueAt).ThenBy(t => t.Id)
            .Select(t => t.Id).Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>The failed firing was rolled back; its count and reason are kept in a transaction of their own.</summary>
    private async Task CountFailureAsync(long timerId, Exception error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var timer = await db.DeskTimers.SingleAsync(t => t.Id == timerId, cancellationToken);
        TimerQuarantineRules.Failed(timer, error, options.Value.MaxFailures, now);
        await db.SaveChangesAsync(cancellationToken);
        if (timer.QuarantinedAt is not null)
        {
            LogQuarantined(log, timer.Id, timer.TicketId, timer.Failures, error);
        }
        else
        {
            LogFailed(log, timer.Id, timer.TicketId, timer.Failures, error);
        }
    }

    private async Task<bool> FireAsync(long timerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.DeskTimers
            .Where(t => t.Id == timerId && t.FiredAt == null && t.CancelledAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.FiredAt, now), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var timer = await db.DeskTimers.SingleAsync(t => t.Id == timerId, cancellationToken);
        using var span = CloudTelemetry.Start("desk timer")?.SetTag("aftersales.timer.kind", timer.Kind.ToString()).SetTag("aftersales.ticket.id", timer.TicketId);
        CloudMetrics.TimerLag.Record(Math.Max(0, (now - timer.DueAt).TotalSeconds));
        var ticket = await db.Tickets.SingleAsync(t => t.Id == timer.TicketId, cancellationToken);
        span?.SetTag("aftersales.site.id", ticket.SiteId).SetTag("aftersales.device.id", ticket.DeviceId);
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == ticket.SiteId, cancellationToken);
        try
        {
            // An SLA target's next mark, whatever this one does (a paused target's waits for the resume).
            SlaTimerService.ScheduleNext(db, ticket, timer);
            switch (timer.Kind)
            {
                case TimerKind.Acknowledge or TimerKind.Arrival or TimerKind.Resolution when TicketStateMachine.IsFinished(ticket.Status) || ticket.PausedAt is not null:
                    // Met, finished or paused: a timer that was not cancelled in time must not raise a false alarm.
                    break;
                case TimerKind.Acknowledge or TimerKind.Arrival or TimerKind.Resolution:
                    Warn(db, ticket, site.Name, timer, now);
                    break;
                case TimerKind.AcceptTimeout when ticket.Status == TicketStatus.Dispatched && ticket.TechnicianId == timer.TechnicianId:
                    await RedispatchAsync(db, ticket, site, timer, now, cancellationToken);
                    break;
                case TimerKind.SelfRestore when ticket.RestoredAt is not null && FaultHistoryRules.CanSelfRestore(ticket.Status):
                    await SelfRestoreAsync(db, ticket, now, cancellationToken);
                    await workflow.ReleaseFollowersAsync(db, ticket, site, now, cancellationToken);
                    break;
                case TimerKind.AcceptTimeout or TimerKind.SelfRestore:
                    // The situation moved on (accepted, fault back): nothing to do.
                    break;
                default:
                    throw new InvalidOperationException($"Unhandled timer kind {timer.Kind}.");
            }
        }
        catch (WorkflowRefusedException ex)
        {
            LogTimerRefused(log, timer.Id, ticket.Id, ex.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// A job whose every notice to the technician failed moves on now rather than at the end of the
    /// accept window: he cannot know of it (docs/service-rules.md §7.4).
    /// </summary>
    private static async Task BringForwardUndeliveredOffersAsync(CloudDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await db.DeskTimers.AsNoTracking()
            .Where(t => t.Kind == TimerKind.AcceptTimeout && t.FiredAt == null && t.CancelledAt == null && t.DueAt > now && t.TechnicianId != null
                && db.Set<Notification>().Any(n => n.TicketId == t.TicketId && n.Kind == NoticeKind.JobOffered && n.Recipient == "technician:" + t.TechnicianId && n.Status == NotificationStatus.Failed))
            .Select(t => new { t.Id, t.TicketId, t.TechnicianId }).ToListAsync(cancellationToken);
        foreach (var timer in waiting)
        {
            var notices = await JobNoticesAsync(db, timer.TicketId, timer.TechnicianId!, cancellationToken);
            if (JobNoticeRules.Undeliverable(notices))
            {
                await db.DeskTimers.Where(t => t.Id == timer.Id && t.FiredAt == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.DueAt, now), cancellationToken);
            }
        }
    }

    private static Task<List<Notification>> JobNoticesAsync(CloudDb db, long ticketId, string technicianId, CancellationToken cancellationToken)
    {
        var recipient = Recipients.Technician(technicianId);
        return db.Notifications.AsNoTracking().Include(n => n.Deliveries)
            .Where(n => n.TicketId == ticketId && n.Kind == NoticeKind.JobOffered && n.Recipient == recipient)
            .ToListAsync(cancellationToken);
    }

    private void Warn(CloudDb db, Ticket ticket, string siteName, DeskTimer timer, DateTimeOffset now)
    {
        var target = timer.Kind switch
        {
            TimerKind.Acknowledge => "acknowledgement",
            TimerKind.Arrival => "arrival",
            _ => "resolution",
        };
        var what = timer.Percent >= 100 ? $"SLA breached: {target}" : $"SLA warning: {timer.Percent} % of the {target} time used";
        TicketWorkflowService.Audit(db, ticket, now, Actor.System, timer.Percent >= 100 ? "sla breach" : "sla warning", what);
        if (ticket.FollowsRootCause)
        {
            // Covered by the root-cause ticket's own clock; no second alarm for the same visit.
            return;
        }

        // One whole sentence per step: the step's name changes the Chinese around it (docs/localization.md).
        string Message(IStringLocalizer T) => (timer.Kind, timer.Percent >= 100) switch
        {
            (TimerKind.Acknowledge, true) => T["Ticket {0} {1} at {2}: SLA breached: acknowledgement.", ticket.Id, T[ticket.Fault], siteName],
            (TimerKind.Arrival, true) => T["Ticket {0} {1} at {2}: SLA breached: arrival.", ticket.Id, T[ticket.Fault], siteName],
            (_, true) => T["Ticket {0} {1} at {2}: SLA breached: resolution.", ticket.Id, T[ticket.Fault], siteName],
            (TimerKind.Acknowledge, false) => T["Ticket {0} {1} at {2}: SLA warning: {3} % of the acknowledgement time used.", ticket.Id, T[ticket.Fault], siteName, timer.Percent],
            (TimerKind.Arrival, false) => T["Ticket {0} {1} at {2}: SLA warning: {3} % of the arrival time used.", ticket.Id, T[ticket.Fault], siteName, timer.Percent],
            (_, false) => T["Ticket {0} {1} at {2}: SLA warning: {3} % of the resolution time used.", ticket.Id, T[ticket.Fault], siteName, timer.Percent],
        };
        var kind = timer.Percent >= 100 ? NoticeKind.SlaBreach : NoticeKind.SlaWarning;
        notifier.Send(db, Recipients.Supervisor, kind, ticket.Id, Message);
        if (ticket.TechnicianId is { } technician)
        {
            notifier.Send(db, Recipients.Technician(technician), kind, ticket.Id, Message);
        }

        if (timer.Kind == TimerKind.Resolution && timer.Percent >= 100 && ticket.LoanerRequiredAt is null)
        {
            ticket.RequireLoaner(now);
            TicketWorkflowService.Audit(db, ticket, now, Actor.System, "loaner required", "resolution target missed: install a loaner device of the same class free of charge until the repair is done");
            notifier.Send(db, Recipients.Dispatcher, NoticeKind.General, ticket.Id, T => T["Ticket {0} at {1}: resolution target missed — install a loaner {2} free of charge until the repair is done.", ticket.Id, siteName, T[ticket.DeviceKind.ToString().ToLowerInvariant()]]);
        }
    }

    private async Task RedispatchAsync(CloudDb db, Ticket ticket, Sites.Site site, DeskTimer timer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var why = JobNoticeRules.WhyMovedOn(await JobNoticesAsync(db, ticket.Id, timer.TechnicianId!, cancellationToken));
        TicketWorkflowService.Record(db, ticket, ticket.Unassign(now), Actor.System, now, why);
        await SlaTimerService.LoadPendingAsync(db, ticket.Id, cancellationToken);
        SlaTimerService.Cancel(db, ticket.Id, now, TimerKind.Acknowledge);
        notifier.Send(db, Recipients.Technician(timer.TechnicianId!), NoticeKind.General, ticket.Id, T => T["Job {0} was withdrawn: {1}.", ticket.Id, T[why]]);
        var timedOut = await db.DeskTimers
            .Where(t => t.TicketId == ticket.Id && t.Kind == TimerKind.AcceptTimeout && t.FiredAt != null && t.TechnicianId != null)
            .Select(t => t.TechnicianId!).ToListAsync(cancellationToken);
        await workflow.DispatchAsync(db, ticket, site, now, timedOut.ToHashSet(), cancellationToken);
    }

    private async Task SelfRestoreAsync(CloudDb db, Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await SlaTimerService.LoadPendingAsync(db, ticket.Id, cancellationToken);
        var technician = ticket.TechnicianId;
        var change = ticket.SelfRestore(now);
        TicketWorkflowService.Record(db, ticket, change, Actor.System, now, $"clear since {DisplayZone.Local(ticket.RestoredAt):HH:mm:ss}, before anyone went out");
        if (technician is not null)
        {
            notifier.Send(db, Recipients.Technician(technician), NoticeKind.General, ticket.Id, T => T["Job {0} closed: the fault restored itself. No visit needed.", ticket.Id]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {TimerId} of ticket {TicketId} failed ({Failures} in a row); retrying at the next pass")]
    private static partial void LogFailed(ILogger logger, long timerId, long ticketId, int failures, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {TimerId} of ticket {TicketId} quarantined after {Failures} failures; it is shown on the desk until retried")]
    private static partial void LogQuarantined(ILogger logger, long timerId, long ticketId, int failures, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {TimerId} of ticket {TicketId} had nothing to do: {Reason}")]
    private static partial void LogTimerRefused(ILogger logger, long timerId, long ticketId, string reason);
}
