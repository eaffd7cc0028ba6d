namespace AfterSales.Cloud.Inspections;

/// <summary>The four areas of the monthly inspection (docs/service-rules.md §3.1), in the order a technician walks them.</summary>
public enum InspectionArea
{
    FrontEnd,
    Cabling,
    CentralControl,
    SystemFunctions,
}
