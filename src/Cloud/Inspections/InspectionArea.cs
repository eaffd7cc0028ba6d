namespace AfterSales.Cloud.Inspections;

/// <summary>The four areas of the monthly inspection (DOMAIN.md §3), in the order a technician walks them.</summary>
public enum InspectionArea
{
    FrontEnd,
    Cabling,
    CentralControl,
    SystemFunctions,
}
