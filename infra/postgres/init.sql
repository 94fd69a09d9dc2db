-- One database per service; each service creates its own tables through its migrations at start.
CREATE DATABASE praxis_membership;
CREATE DATABASE praxis_proposals;
CREATE DATABASE praxis_mentorship;
CREATE DATABASE praxis_funding;
CREATE DATABASE praxis_community;
CREATE DATABASE praxis_engagement;
