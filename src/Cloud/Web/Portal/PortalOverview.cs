using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Tickets;

namespace AfterSales.Cloud.Web.Portal;

/// <summary>What a customer sees on the portal's one page: only the sites of their own customer, of their own service company.</summary>
internal sealed record PortalOverview(
    IReadOnlyList<Site> Sites,
    IReadOnlyList<TicketView> OpenTickets,
    IReadOnlyList<TicketView> RecentJobs,
    IReadOnlyList<PortalReport> Reports,
    IReadOnlyList<PortalInspection> Inspections,
    IReadOnlyList<PortalSurvey> Surveys,
    IReadOnlyList<Complaint> Complaints,
    IReadOnlyList<PortalInspectionRecord> InspectionRecords);

/// <summary>A monthly report in the archive (its PDF is downloaded from <c>/reports/{site}/{month}.pdf</c>).</summary>
internal sealed record PortalReport(string SiteId, string SiteName, DateOnly Period);

/// <summary>An inspection not done yet, on its planned day.</summary>
internal sealed record PortalInspection(string SiteName, DateOnly ScheduledFor, string? TechnicianName);

/// <summary>A completed inspection with who signed it for the customer (null: not signed); its PDF is <c>/portal/inspections/{id}/sheet.pdf</c>.</summary>
internal sealed record PortalInspectionRecord(long Id, string SiteName, DateTimeOffset CompletedAt, string? SignerName, DateTimeOffset? SignedAt);

/// <summary>A survey the customer has not answered yet; the link is the customer's own.</summary>
internal sealed record PortalSurvey(string SiteName, DateTimeOffset SentAt, string Token);
