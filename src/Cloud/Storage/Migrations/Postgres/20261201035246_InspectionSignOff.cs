using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InspectionSignOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Signature",
                table: "InspectionJobs",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatureCollectedBy",
                table: "InspectionJobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SignedAt",
                table: "InspectionJobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerName",
                table: "InspectionJobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Signature",
                table: "InspectionJobs");

            migrationBuilder.DropColumn(
                name: "SignatureCollectedBy",
                table: "InspectionJobs");

            migrationBuilder.DropColumn(
                name: "SignedAt",
                table: "InspectionJobs");

            migrationBuilder.DropColumn(
                name: "SignerName",
                table: "InspectionJobs");
        }
    }
}
