namespace AfterSales.Cloud.Feedback;

/// <summary>
/// The four things a revisit checks (docs/service-rules.md §4.4): the repair, the technician's conduct, the
/// customer's suggestions and the charges; and the finding that goes back to the technician, if any.
/// </summary>
public sealed record RevisitChecks(bool RepairHeld, bool ConductOk, string? Suggestions, bool ChargesOk, string? Finding);
