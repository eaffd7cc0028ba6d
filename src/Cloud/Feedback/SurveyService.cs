using System.Security.Cryptography;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Feedback;

/// <summary>Issues a survey per job (an unguessable link) and takes the customer's one answer.</summary>
internal sealed class SurveyService(IDbContextFactory<CloudDb> dbs, MailService mailer, Wording words, TenantCalendars calendars, TimeProvider time)
{
    public string LinkFor(Survey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return $"{mailer.Options.PublicBaseUrl.TrimEnd('/')}/survey/{survey.Token}";
    }

    /// <summary>
    /// Issues a survey for a site of <paramref name="tenantId"/>; with <paramref name="invite"/>, mails the link to
    /// the contacts of the site's current contract. A site, technician or ticket of another company is refused
    /// as unknown (<see cref="KeyNotFoundException"/>).
    /// </summary>
    public async Task<Survey> IssueAsync(string tenantId, string siteId, string? technicianId, long? ticketId, long? inspectionJobId, CancellationToken cancellationToken, bool invite = false)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (!await db.IsSiteOfAsync(tenantId, siteId, cancellationToken))
        {
            throw new KeyNotFoundException($"Unknown site '{siteId}'.");
        }

        if (await db.IsOtherCompanysTechnicianAsync(tenantId, technicianId, cancellationToken))
        {
            throw new KeyNotFoundException($"Unknown technician '{technicianId}'.");
        }

        if (ticketId is not null && !await db.IsTicketOfAsync(tenantId, ticketId, cancellationToken))
        {
            throw new KeyNotFoundException($"Unknown ticket {ticketId}.");
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var survey = Survey.Issue(token, siteId, technicianId, ticketId, inspectionJobId, time.GetUtcNow());
        db.Add(survey);
        await db.SaveChangesAsync(cancellationToken);
        if (invite)
        {
            var today = calendars.For(tenantId).DayOf(survey.SentAt);
            var contract = (await db.Contracts.AsNoTracking().Where(c => c.SiteId == siteId).ToListAsync(cancellationToken))
                .Where(c => ContractRules.Covers(c, today)).MaxBy(c => c.EndsOn);
            if (contract is not null)
            {
                await mailer.SendAsync(Invitation(contract, survey, await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => s.TenantId).SingleAsync(cancellationToken)), cancellationToken);
            }
        }

        return survey;
    }

    /// <summary>The invitation in the company's language: it goes to the customer's contacts, who have no account.</summary>
    private OutgoingMail Invitation(MaintenanceContract contract, Survey survey, string tenantId)
    {
        using var language = words.ForCompany(tenantId);
        var T = words.Text;
        var text = string.Join(
            "\n\n",
            T["Thank you for letting us into your site today. Four questions, one tap each, on your phone:"],
            LinkFor(survey),
            T["Your answers go to the service manager and count in the technician's monthly review."]);
        return new OutgoingMail(ContractRules.Emails(contract), T["How did we do? Four questions about today's visit"], text);
    }

    /// <summary>
    /// A survey asked for by staff: issued only when the site's current contract names someone to send it to,
    /// and mailed there. The caller gets the survey's id and recipients, never its token.
    /// </summary>
    public async Task<(Survey Survey, IReadOnlyList<string> SentTo)> InviteAsync(string tenantId, string siteId, string? technicianId, long? ticketId, CancellationToken cancellationToken)
    {
        var today = calendars.For(tenantId).DayOf(time.GetUtcNow());
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.IsSiteOfAsync(tenantId, siteId, cancellationToken))
            {
                throw new KeyNotFoundException($"Unknown site '{siteId}'.");
            }

            var contract = (await db.Contracts.AsNoTracking().Where(c => c.SiteId == siteId).ToListAsync(cancellationToken))
                .Where(c => ContractRules.Covers(c, today)).MaxBy(c => c.EndsOn);
            if (contract is null || ContractRules.Emails(contract).Count == 0)
            {
                throw new SurveyException($"Site '{siteId}' has no current contract with a contact e-mail to send the survey to.");
            }

            var survey = await IssueAsync(tenantId, siteId, technicianId, ticketId, inspectionJobId: null, cancellationToken, invite: true);
            return (survey, ContractRules.Emails(contract));
        }
    }

    public async Task<Survey?> FindAsync(string token, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Token == token, cancellationToken);
    }

    /// <summary>Stores the answer once; a second submission (a double tap, a shared link) changes nothing.</summary>
    public async Task<SurveyAnswerResult> AnswerAsync(string token, int attitude, int skill, int arrival, int promises, string? comment, CancellationToken cancellationToken)
    {
        if (!Survey.AreLevels(attitude, skill, arrival, promises))
        {
            return SurveyAnswerResult.Invalid;
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var survey = await db.Set<Survey>().SingleOrDefaultAsync(s => s.Token == token, cancellationToken);
        if (survey is null)
        {
            return SurveyAnswerResult.Unknown;
        }

        if (survey.AnsweredAt is not null)
        {
            return SurveyAnswerResult.AlreadyAnswered;
        }

        survey.Answer(attitude, skill, arrival, promises, comment, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return SurveyAnswerResult.Saved;
    }
}

public enum SurveyAnswerResult
{
    Saved,
    AlreadyAnswered,
    Unknown,
    Invalid,
}
