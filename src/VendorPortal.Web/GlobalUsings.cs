global using FastEndpoints;
global using FluentValidation;
global using Microsoft.EntityFrameworkCore;
global using VendorPortal.Web.Data;
global using VendorPortal.Web.Shared;
