namespace AfterSales.Cloud.Parts;

public enum PartMoveKind
{
    /// <summary>From the supplier into a warehouse.</summary>
    Receive,

    /// <summary>Between a warehouse and a technician's van (either way).</summary>
    Transfer,

    /// <summary>A new part fitted on a job: out of stock for good.</summary>
    Issue,

    /// <summary>The old part taken out on that job, handed back to a warehouse's returns.</summary>
    ReturnOld,

    /// <summary>Old parts written off (scrapped) from returns.</summary>
    WriteOff,

    /// <summary>A stocktake difference booked so the books match the shelf again.</summary>
    Adjust,
}
