using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Tickets.History;

namespace AfterSales.Cloud.Reports;

/// <summary>What one site's monthly report is computed from; loaded by <see cref="ReportInputStore"/>, or built by hand in tests.</summary>
public sealed record ReportInputs(
    Site Site,
    MaintenanceContract? Contract,
    IReadOnlyList<InventoryDevice> Devices,
    IReadOnlyList<TicketFacts> Tickets,
    InspectionJob? Inspection,
    IReadOnlyList<Survey> Surveys,
    IReadOnlyList<Complaint> Complaints);
