using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Jobs;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace AfterSales.Cloud.Demo;

/// <summary>
/// The technicians of the demo's replayed month: a fault still active half an hour after it was
/// raised is accepted, visited and repaired through the same <see cref="JobService"/> the phone
/// pages use, mostly within the deadline and now and then late, so the reports have real response,
/// arrival and repair times to show.
/// </summary>
internal sealed class DemoFieldWork(IDbContextFactory<CloudDb> dbs, JobService jobs, ManualClock clock, Random random)
{
    private static readonly TimeSpan LooksAt = TimeSpan.FromMinutes(30);
    private readonly List<(DateTimeOffset At, FaultEvent Raised)> _watching = [];
    private readonly Lazy<byte[]> _signature = new(DrawSignature);

    public void Notice(FaultEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt.State == FaultState.Raised)
        {
            _watching.Add((evt.OccurredAt + LooksAt, evt));
        }
    }

    /// <summary>Works every job whose look-in time has come by <paramref name="until"/>.</summary>
    public async Task WorkDueAsync(DateTimeOffset until, TimerFiringService timers, CancellationToken ct)
    {
        foreach (var (at, raised) in _watching.Where(w => w.At <= until).OrderBy(w => w.At).ToList())
        {
            _watching.Remove((at, raised));
            clock.Now = at;
            await timers.FireDueAsync(ct);
            await WorkAsync(raised, timers, ct);
        }
    }

    private async Task WorkAsync(FaultEvent raised, TimerFiringService timers, CancellationToken ct)
    {
        Ticket? ticket;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(
                t => t.SiteId == raised.SiteId && t.DeviceId == raised.DeviceId && t.Fault == raised.Fault && t.ClosedAt == null, ct);
        }

        // Restored already, or nobody could be dispatched: nothing for a technician to do.
        if (ticket is not { Status: TicketStatus.Dispatched, TechnicianId: { } technicianId, RestoredAt: null })
        {
            return;
        }

        var user = new DeskUser(technicianId, ApiKeyRoles.Technician, Tenants.Default, technicianId, null);
        var arrivalWindow = (ticket.ArrivalDueAt ?? clock.Now.AddHours(4)) - clock.Now;
        var late = random.NextDouble() < 0.15;
        await StepAsync(TimeSpan.FromMinutes(2 + random.Next(8)), timers, () => jobs.AcceptAsync(ticket.Id, user, ct), ct);
        await StepAsync(TimeSpan.FromMinutes(5), timers, () => jobs.DepartAsync(ticket.Id, user, ct), ct);
        var travel = late ? arrivalWindow + TimeSpan.FromMinutes(20 + random.Next(60)) : arrivalWindow * (0.3 + (random.NextDouble() * 0.5));
        await StepAsync(travel, timers, () => jobs.ArriveAsync(ticket.Id, user, null, null, ct), ct);
        await StepAsync(TimeSpan.FromMinutes(25 + random.Next(50)), timers,
            () => jobs.ResolveAsync(ticket.Id, user, "Found the cause on site, repaired it and tested the device with the panel.", RepairTestRules.For(ticket.DeviceKind), ct), ct);
        await StepAsync(TimeSpan.FromMinutes(3), timers, () => jobs.SignAsync(ticket.Id, user, "Site security officer", _signature.Value, ct), ct);
        await StepAsync(TimeSpan.FromMinutes(1), timers, () => jobs.CloseAsync(ticket.Id, user, ct), ct);
    }

    private async Task StepAsync(TimeSpan after, TimerFiringService timers, Func<Task<bool>> step, CancellationToken ct)
    {
        clock.Now += after < TimeSpan.Zero ? TimeSpan.Zero : after;
        await timers.FireDueAsync(ct);
        try
        {
            await step();
        }
        catch (WorkflowRefusedException)
        {
            // The desk moved on meanwhile (re-dispatched, restored): the demo technician simply stops.
        }
    }

    private static byte[] DrawSignature()
    {
        using var surface = SKSurface.Create(new SKImageInfo(240, 80));
        surface.Canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.DarkBlue, StrokeWidth = 2.5f, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var path = new SKPath();
        path.MoveTo(15, 55);
        path.CubicTo(40, 5, 60, 75, 90, 35);
        path.CubicTo(110, 10, 130, 70, 160, 40);
        path.CubicTo(180, 25, 200, 60, 225, 30);
        surface.Canvas.DrawPath(path, ink);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
