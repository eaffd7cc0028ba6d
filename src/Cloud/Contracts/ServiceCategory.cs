namespace AfterSales.Cloud.Contracts;

/// <summary>The four service categories of the regulations (seed 000 ❾): who pays and why the visit happens.</summary>
public enum ServiceCategory
{
    /// <summary>A: paid work, outside any contract or warranty (有费).</summary>
    Paid,

    /// <summary>B: covered by a maintenance contract (合同).</summary>
    Contract,

    /// <summary>C: free, under warranty (免费).</summary>
    Warranty,

    /// <summary>D: the company's own, internal administration (一般行政).</summary>
    Internal,
}
