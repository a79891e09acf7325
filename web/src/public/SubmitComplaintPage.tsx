// Placeholder until the page is built.
const SubmitComplaintPage = () => <p>SubmitComplaintPage</p>;

export default SubmitComplaintPage;
