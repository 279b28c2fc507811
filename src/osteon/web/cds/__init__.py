"""CDS Hooks 2.0 service: discovery, patient-view and order-sign cards, feedback, auth."""
