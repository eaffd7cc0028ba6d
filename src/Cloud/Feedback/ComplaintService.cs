using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Feedback;

/// <summary>Registers complaints with their monthly serial, records answers and fixes, and chases overdue ones.</summary>
internal sealed partial class ComplaintService(IDbContextFactory<CloudDb> dbs, MailService mailer, Notifications.NotificationService notices, IOptions<FeedbackOptions> options, TenantCalendars calendars, Wording words, TimeProvider time, ILogger<ComplaintService> log)
{
    /// <summary>
    /// Registers a complaint about a site of <paramref name="tenantId"/>. A site, technician or ticket of
    /// another company is refused as unknown (<see cref="KeyNotFoundException"/>), so a complaint never
    /// links two companies' records.
    /// </summary>
    public async Task<Complaint> RegisterAsync(string tenantId, ComplaintRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            if (!await db.IsSiteOfAsync(tenantId, request.SiteId, cancellationToken))
            {
                throw new KeyNotFoundException($"Unknown site '{request.SiteId}'.");
            }

            if (await db.IsOtherCompanysTechnicianAsync(tenantId, request.TechnicianId, cancellationToken))
            {
                throw new KeyNotFoundException($"Unknown technician '{request.TechnicianId}'.");
            }

            if (request.TicketId is not null && !await db.IsTicketOfAsync(tenantId, request.TicketId, cancellationToken))
            {
                throw new KeyNotFoundException($"Unknown ticket {request.TicketId}.");
            }

            var month = calendars.For(tenantId).MonthOf(now);
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

    /// <summary>Records an answer or fix; null when no complaint of <paramref name="tenantId"/>'s sites has that number.</summary>
    public async Task<Complaint?> UpdateAsync(string tenantId, string number, bool answered, string? fix, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenantId);
        var complaint = await db.Set<Complaint>().SingleOrDefaultAsync(c => c.Number == number && mine.Contains(c.SiteId), cancellationToken);
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
            var firstOutcome = complaint.ResolvedAt is null;
            complaint.Resolve(fix, now);

            // The outcome is told back to the customer once, when it is first recorded (§4.3b); the portal shows later corrections.
            var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == complaint.SiteId, cancellationToken);
            if (firstOutcome && !string.IsNullOrWhiteSpace(site.ContactPhone))
            {
                notices.SendTo(db, Notifications.Recipients.Customer(site.Id), Notifications.NoticeKind.General, complaint.TicketId,
                    T => ComplaintOutcomeComposer.CustomerText(T, complaint.Number, site.Name, complaint.Fix!), Notifications.NotificationChannel.Sms, site.ContactPhone, site.TenantId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return complaint;
    }

    /// <summary>
    /// Sets a complaint's cause and whether the service was at fault, with who did it and when (docs/service-rules.md
    /// §4.3c); null for a number not of <paramref name="tenantId"/>'s sites, which the caller answers as 404.
    /// </summary>
    /// <exception cref="ArgumentException">The cause is not one a complaint can be found to have; nothing is stored.</exception>
    public async Task<Complaint?> ReclassifyAsync(string tenantId, string number, ComplaintCause cause, bool serviceAtFault, string by, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenantId);
        var complaint = await db.Set<Complaint>().SingleOrDefaultAsync(c => c.Number == number && mine.Contains(c.SiteId), cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        if (complaint.Reclassify(cause, serviceAtFault, by, time.GetUtcNow()) is { } change)
        {
            db.ComplaintClassifications.Add(change);
            await db.SaveChangesAsync(cancellationToken);
        }

        return complaint;
    }

    /// <summary>A complaint's cause changes, oldest first; empty for a number not of <paramref name="tenantId"/>'s sites.</summary>
    public async Task<IReadOnlyList<ComplaintClassification>> ClassificationsAsync(string tenantId, IReadOnlyCollection<long> complaintIds, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenantId);
        var theirs = db.Complaints.Where(c => complaintIds.Contains(c.Id) && mine.Contains(c.SiteId)).Select(c => c.Id);
        return await db.ComplaintClassifications.AsNoTracking().Where(c => theirs.Contains(c.ComplaintId)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Sends the reminders and escalations that are due; returns how many went out.</summary>
    public async Task<int> ChaseAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var open = await db.Set<Complaint>().Where(c => c.ResolvedAt == null).ToListAsync(cancellationToken);
        var tenantOf = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.TenantId, cancellationToken);
        var sent = 0;
        foreach (var c in open)
        {
            // Each company's complaints go to its own people only (docs/security.md, "Tenants").
            var tenant = tenantOf.GetValueOrDefault(c.SiteId, Auth.Tenants.Default);
            var people = o.For(tenant);
            using var language = words.ForCompany(tenant);
            var T = words.Text;
            switch (ComplaintRules.Next(c, now, o.Complaints))
            {
                case ComplaintAction.Escalate:
                    await mailer.SendAsync(new OutgoingMail(people.ManagerEmails, T["Complaint {0} escalated", c.Number], Describe(c, now, T)), cancellationToken);
                    c.Escalate(now);
                    LogChased(log, c.Number, "escalated");
                    sent++;
                    break;
                case ComplaintAction.Remind:
                    await mailer.SendAsync(new OutgoingMail(people.SupervisorEmails, T["Reminder: complaint {0} is overdue", c.Number], Describe(c, now, T)), cancellationToken);
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

    /// <summary>The mail to the company's own people, in the company's language (set by the caller).</summary>
    private static string Describe(Complaint c, DateTimeOffset now, Microsoft.Extensions.Localization.IStringLocalizer T)
    {
        static string At(DateTimeOffset at) => DisplayZone.Local(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            T["Complaint {0} from site {1}, received {2} ({3} h ago).", c.Number, c.SiteId, At(c.ReceivedAt), (now - c.ReceivedAt).TotalHours.ToString("0", System.Globalization.CultureInfo.InvariantCulture)],
            c.Summary,
            c.AnsweredAt is null ? T["Answer due {0}: NOT ANSWERED.", At(c.AnswerDueAt)] : T["Answer due {0}: answered.", At(c.AnswerDueAt)],
            T["Resolution due {0}.", At(c.ResolveDueAt)],
        };
        if (c.Serious)
        {
            lines.Add(T["Serious: the supervisor visits the customer in person."]);
        }

        return string.Join("\n", lines);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Complaint {Number} {What}")]
    private static partial void LogChased(ILogger logger, string number, string what);
}

public sealed record ComplaintRequest(string SiteId, string Summary, ComplaintCause Cause, bool ServiceAtFault, bool Serious = false, string? TechnicianId = null, long? TicketId = null);
