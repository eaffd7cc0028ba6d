namespace AfterSales.Cloud.Reports;

/// <summary>Where a month's run has got to; reported after every site.</summary>
public sealed record ReportProgress(DateOnly Period, int Total, int Done, int Failed, string? SiteId);
