// Placeholder until the page is built.
const MyWorkPage = () => <p>MyWorkPage</p>;

export default MyWorkPage;
