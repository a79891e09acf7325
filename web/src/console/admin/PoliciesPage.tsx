// Placeholder until the page is built.
const PoliciesPage = () => <p>PoliciesPage</p>;

export default PoliciesPage;
