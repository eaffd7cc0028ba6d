using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Feedback;

/// <summary>Registers complaints with their monthly serial, records answers and fixes, and chases overdue ones.</summary>
internal sealed partial class ComplaintService(IDbContextFactory<CloudDb> dbs, MailService mailer, IOptions<FeedbackOptions> options, TenantCalendars calendars, TimeProvider time, ILogger<ComplaintService> log)
{
    public async Task<Complaint> RegisterAsync(ComplaintRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            var tenant = await db.Sites.Where(s => s.Id == request.SiteId).Select(s => s.TenantId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ArgumentException($"Unknown site '{request.SiteId}'.", nameof(request));
            var month = calendars.For(tenant).MonthOf(now);
            var prefix = ComplaintRules.Prefix(month);
            var numbers = await db.Set<Complaint>().Where(c => c.Number.StartsWith(prefix)).Select(c => c.Number).ToListAsync(cancellationToken);
            var complaint = Complaint.Register(
                ComplaintRules.NextNumber(month, numbers), request.SiteId, request.Summary, request.Cause, request.ServiceAtFault, request.Serious, now, options.Value.Complaints,
                request.TechnicianId, request.TicketId);
            db.Add(complaint);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return complaint;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another complaint took the same serial in the same instant; number again.
            }
        }
    }

    public async Task<Complaint?> UpdateAsync(string number, bool answered, string? fix, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var complaint = await db.Set<Complaint>().SingleOrDefaultAsync(c => c.Number == number, cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (answered || fix is not null)
        {
            complaint.Answer(now);
        }

        if (!string.IsNullOrWhiteSpace(fix))
        {
            complaint.Resolve(fix, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return complaint;
    }

    /// <summary>Sends the reminders and escalations that are due; returns how many went out.</summary>
    public async Task<int> ChaseAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var open = await db.Set<Complaint>().Where(c => c.ResolvedAt == null).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var c in open)
        {
            switch (ComplaintRules.Next(c, now, o.Complaints))
            {
                case ComplaintAction.Escalate:
                    await mailer.SendAsync(new OutgoingMail(o.ManagerEmails, $"Complaint {c.Number} escalated", Describe(c, now)), cancellationToken);
                    c.Escalate(now);
                    LogChased(log, c.Number, "escalated");
                    sent++;
                    break;
                case ComplaintAction.Remind:
                    await mailer.SendAsync(new OutgoingMail(o.SupervisorEmails, $"Reminder: complaint {c.Number} is overdue", Describe(c, now)), cancellationToken);
                    c.Remind(now);
                    LogChased(log, c.Number, "reminded");
                    sent++;
                    break;
                case ComplaintAction.None:
                    break;
                default:
                    throw new InvalidOperationException("Unknown complaint action.");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    private static string Describe(Complaint c, DateTimeOffset now) =>
        $"""
        Complaint {c.Number} from site {c.SiteId}, received {DisplayZone.Local(c.ReceivedAt):yyyy-MM-dd HH:mm} ({(now - c.ReceivedAt).TotalHours:0} h ago).
        {c.Summary}
        Answer due {DisplayZone.Local(c.AnswerDueAt):yyyy-MM-dd HH:mm}: {(c.AnsweredAt is null ? "NOT ANSWERED" : "answered")}.
        Resolution due {DisplayZone.Local(c.ResolveDueAt):yyyy-MM-dd HH:mm}.{(c.Serious ? " Serious: the supervisor visits the customer in person." : string.Empty)}
        """;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Complaint {Number} {What}")]
    private static partial void LogChased(ILogger logger, string number, string what);
}

public sealed record ComplaintRequest(string SiteId, string Summary, ComplaintCause Cause, bool ServiceAtFault, bool Serious = false, string? TechnicianId = null, long? TicketId = null);
