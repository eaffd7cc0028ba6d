using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TenantKpiTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KpiTargets",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Targets_Availability = table.Column<double>(type: "double precision", nullable: false),
                    Targets_AvailabilityGood = table.Column<double>(type: "double precision", nullable: false),
                    Targets_ComplaintRate = table.Column<double>(type: "double precision", nullable: false),
                    Targets_InspectionCompletion = table.Column<double>(type: "double precision", nullable: false),
                    Targets_OnTimeRate = table.Column<double>(type: "double precision", nullable: false),
                    Targets_RepeatRate = table.Column<double>(type: "double precision", nullable: false),
                    Targets_Satisfaction = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiTargets", x => x.TenantId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KpiTargets");
        }
    }
}
